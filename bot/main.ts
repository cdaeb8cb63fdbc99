import { Events } from 'discord.js';
import { loadBotConfig } from '../config/bot-config.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { createGuildConfigRepository } from '../store/guild-config-repository.ts';
import { createTemporalClient } from '../temporal/client.ts';
import { botClientOptions, createTicketBot } from './create-ticket-bot.ts';

/** The Discord bot: connects, answers until SIGINT or SIGTERM, then logs out and closes its connections. */
async function run(): Promise<void> {
  const config = loadBotConfig();
  const prisma = createPrismaClient(config.databaseUrl);
  const temporal = await createTemporalClient(config.temporal);
  const bot = createTicketBot(
    {
      temporal: temporal.client,
      taskQueue: config.temporal.taskQueue,
      prisma,
      guildConfigs: createGuildConfigRepository(prisma),
    },
    botClientOptions(config.discord.apiBaseUrl),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bot.destroy();
    await temporal.connection.close();
    await prisma.$disconnect();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());

  bot.once(Events.ClientReady, (ready) => {
    console.log(`[ticketflow] bot ready as ${ready.user.tag}; tickets on ${config.temporal.taskQueue}`);
  });
  await bot.login(config.discord.token);
}

run().catch((error: unknown) => {
  console.error('[ticketflow] bot stopped:', error instanceof Error ? error.message : error);
  process.exit(1);
});
