import { loadPlanCatalogue } from '../../config/plans-config.ts';
import type { GuildConfig, GuildConfigInput } from '../../domain/guild-config.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createRestGuildDirectory } from '../../store/rest-guild-directory.ts';
import type { DemoWorld } from './demo-world.ts';

/** The demo guild's ticket setup: its staff, channels and ping role, default timers, a support and a billing type. */
export function demoGuildConfig(world: DemoWorld): GuildConfigInput {
  return {
    staffRoleIds: [world.roles.staff],
    ticketChannelId: world.channels.tickets,
    historiesChannelId: world.channels.histories,
    remindersChannelId: world.channels.reminders,
    notificationRoleId: world.roles.alerts,
    notificationsEnabled: true,
    ticketTypes: [
      {
        key: 'support',
        name: 'Support',
        description: 'Help with anything else',
        questions: [
          { label: 'What do you need help with?', style: 'paragraph' },
          { label: 'Order number (if any)', style: 'short', required: false, maxLength: 100 },
        ],
      },
      {
        key: 'billing',
        name: 'Billing',
        description: 'Payments, invoices and refunds',
        questions: [{ label: 'What is your billing question?', style: 'paragraph' }],
      },
    ],
  };
}

/**
 * Replaces the demo guild's whole configuration, so saving it again changes nothing. Its channels and roles are
 * checked like any writer's, by asking the running local Discord as the demo bot.
 */
export function saveDemoGuildConfig(prisma: PrismaClient, world: DemoWorld): Promise<GuildConfig> {
  const directory = createRestGuildDirectory({ token: world.botToken, apiBaseUrl: world.apiBaseUrl });
  return createGuildConfigRepository(prisma, loadPlanCatalogue()).saveGuildConfig(
    world.guildId,
    directory,
    demoGuildConfig(world),
  );
}
