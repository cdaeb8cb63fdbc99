/**
 * Saves the local Discord's demo guild's ticket configuration into Postgres:
 * `DATABASE_URL=... npx tsx sandbox/demo/save-demo-guild-config.ts`, after serve.ts has written demo.json
 * (in $TICKETFLOW_DATA_DIR/discord-sandbox/) and the migrations have run. Running it again changes nothing.
 */
import { z } from 'zod';
import { parseEnv } from '../../config/parse-env.ts';
import { createPrismaClient } from '../../prisma/client.ts';
import { loadDemoEnv } from './demo-env.ts';
import { saveDemoGuildConfig } from './demo-guild-config.ts';
import { readDemoWorld } from './demo-world.ts';

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
});

async function main(): Promise<void> {
  const { DATABASE_URL } = parseEnv(envSchema, process.env);
  const world = await readDemoWorld(loadDemoEnv().dataDir);
  const prisma = createPrismaClient(DATABASE_URL, { maxConnections: 1 });
  try {
    const config = await saveDemoGuildConfig(prisma, world);
    console.log(
      `saved the demo guild's ticket configuration (guild ${world.guildId}: ` +
        `${config.ticketTypes.map((type) => type.key).join(', ')} tickets in channel ${config.ticketChannelId})`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(
    `could not save the demo guild's configuration: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
