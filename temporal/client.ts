import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from '../config/temporal-config.ts';

/** The one way bot, panel and CLI reach Temporal; close `connection` when done. */
export async function createTemporalClient(
  config: TemporalConfig,
): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect(config.connection);
  return { client: new Client({ connection, namespace: config.namespace }), connection };
}
