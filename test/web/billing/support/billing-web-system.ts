import { Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection } from '@temporalio/worker';
import {
  type BillingProviderName,
  type ProviderEvent,
  subscriptionWorkflowId,
} from '../../../../domain/subscription.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../../../sandbox/discord/index.ts';
import type { WebServerDeps } from '../../../../web/server/create-web-server.ts';
import { subscriptionSearchAttributes } from '../../../../workflows/search-attributes.ts';
import { providerEventSignal } from '../../../../workflows/subscription/definitions.ts';
import { createTestDatabase, type TestDatabase } from '../../../support/database.ts';
import { freePort } from '../../../support/free-port.ts';
import { hostAndPort, startTcpRelay, type TcpRelay } from '../../../support/tcp-relay.ts';
import { startDevServer } from '../../../support/temporal.ts';
import { startWebSystem, type WebSystem } from '../../support/web-system.ts';

/** A webhook request as a provider makes it: the exact bytes it signed, and its headers. */
export interface WebhookRequest {
  rawBody: Buffer | string;
  headers: Record<string, string>;
}

export interface BillingWebSystem {
  web: WebSystem;
  db: TestDatabase;
  /** The Temporal dev server, as the test reads it: directly, never through the relay. */
  temporal: TestWorkflowEnvironment;
  /** Between the web process and Temporal: cut it to play Temporal's outage for the web process alone. */
  temporalRelay: TcpRelay;
  taskQueue: string;
  /** POSTs a delivery to `/webhooks/<provider>` as the provider does: cross-site, no cookie, no Origin. */
  postWebhook(provider: BillingProviderName, request: WebhookRequest): Promise<Response>;
  /** The provider events Temporal holds for a subscription's workflow (its signals, in order); [] when it has none. */
  signalledEvents(provider: BillingProviderName, subscriptionId: string): Promise<ProviderEvent[]>;
  close(): Promise<void>;
}

export interface BillingWebSystemOptions {
  /** The providers the web process uses, made with the test's database (Patreon keeps its account links there). */
  providers(db: TestDatabase): WebServerDeps['billing']['providers'];
  /** How long the web process gives Temporal to take an event (short, so the outage tests are quick). */
  deliveryDeadlineMs?: number;
}

/**
 * The web process as production builds it (startWebSystem) with the payment providers given, a real Postgres, and
 * the Temporal dev server reached through a relay the test can cut. No worker runs here: what the web process
 * handed to Temporal is read from the workflows' histories.
 */
export async function startBillingWebSystem(options: BillingWebSystemOptions): Promise<BillingWebSystem> {
  const db = await createTestDatabase();
  let discord: DiscordSandbox | undefined;
  let temporal: TestWorkflowEnvironment | undefined;
  let temporalRelay: TcpRelay | undefined;
  try {
    discord = await createDiscordSandbox();
    temporal = await startDevServer(await freePort(), subscriptionSearchAttributes);
    temporalRelay = await startTcpRelay(hostAndPort(temporal.address));
    // As the web process connects (temporal/client.ts), but through the relay.
    const connection = await NativeConnection.connect({ address: temporalRelay.address });
    const webTemporal = new Client({ connection, namespace: temporal.namespace ?? 'default' });
    const taskQueue = 'billing-web-tests';
    const web = await startWebSystem({
      on: { db, discord, temporal: webTemporal, taskQueue },
      billing: { providers: options.providers(db), deliveryDeadlineMs: options.deliveryDeadlineMs },
    });
    const reader = temporal.client;
    return {
      web,
      db,
      temporal,
      temporalRelay,
      taskQueue,
      postWebhook(provider, request) {
        return fetch(`${web.url}/webhooks/${provider}`, {
          method: 'POST',
          headers: request.headers,
          body: request.rawBody,
        });
      },
      async signalledEvents(provider, subscriptionId) {
        return signalledEvents(reader, subscriptionWorkflowId(provider, subscriptionId));
      },
      async close() {
        await web.close();
        await connection.close();
        await temporalRelay?.close();
        await temporal?.teardown();
        await discord?.close();
        await db.cleanup();
      },
    };
  } catch (error) {
    await temporalRelay?.close();
    await temporal?.teardown();
    await discord?.close();
    await db.cleanup();
    throw error;
  }
}

/** The providerEvent signals in the workflow's history, decoded; [] when Temporal has no such workflow. */
async function signalledEvents(client: Client, workflowId: string): Promise<ProviderEvent[]> {
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).flatMap((event) => {
      const signal = event.workflowExecutionSignaledEventAttributes;
      if (signal?.signalName !== providerEventSignal.name) return [];
      return (signal.input?.payloads ?? []).map((payload) =>
        defaultPayloadConverter.fromPayload<ProviderEvent>(payload),
      );
    });
  } catch (error) {
    // fetchHistory passes the service's NOT_FOUND (gRPC status 5) through as it came.
    if (error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === 5)) return [];
    throw error;
  }
}
