import type { Client, Guild } from 'discord.js';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { guildChannel, guildRole } from '../gateway-guild-directory.ts';
import type { ChannelPurpose } from '../permissions.ts';
import type { CapabilityFacts, ConfiguredChannel, MentionedRole } from './missing-capabilities.ts';

/** The application's flags, which say which privileged intents Discord grants it; null when Discord did not answer. */
export async function readApplicationFlags(client: Client): Promise<number | null> {
  const application = await client.application?.fetch().catch(() => null);
  return application?.flags.bitfield ?? null;
}

/**
 * What the bot may do in the channels and with the roles a guild's configuration names, from the gateway cache
 * (Discord on a miss). A guild without a configuration names none.
 */
export async function guildCapabilityFacts(guild: Guild, config: GuildConfig | null): Promise<CapabilityFacts> {
  if (!config) return { channels: [], roles: [] };
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const configured: { purpose: ChannelPurpose; id: string | null }[] = [
    { purpose: 'ticket', id: config.ticketChannelId },
    { purpose: 'histories', id: config.historiesChannelId },
    { purpose: 'reminders', id: config.remindersChannelId },
    ...config.ticketCategoryIds.map((id) => ({ purpose: 'category' as const, id })),
  ];
  const channels = await Promise.all(
    configured
      .flatMap(({ purpose, id }) => (id ? [{ purpose, id }] : []))
      .map(async ({ purpose, id }): Promise<ConfiguredChannel> => {
        const channel = await guildChannel(guild, id);
        return { purpose, id, name: channel?.name ?? null, granted: channel?.permissionsFor(me)?.bitfield ?? 0n };
      }),
  );
  const mentioned: Pick<MentionedRole, 'purpose' | 'id'>[] = [
    ...config.staffRoleIds.map((id) => ({ purpose: 'staff' as const, id })),
    ...(config.notificationsEnabled && config.notificationRoleId
      ? [{ purpose: 'notification' as const, id: config.notificationRoleId }]
      : []),
  ];
  const roles = await Promise.all(
    mentioned.map(async ({ purpose, id }): Promise<MentionedRole> => {
      const role = await guildRole(guild, id);
      return { purpose, id, name: role?.name ?? null, mentionable: role?.mentionable ?? false };
    }),
  );
  const escalationIds = new Set(
    [config.escalationRoleId, ...config.ticketTypes.map((type) => type.escalationRoleId)].filter(
      (id): id is string => id !== null,
    ),
  );
  const escalationRoles = await Promise.all(
    [...escalationIds].map(async (id) => {
      const role = await guildRole(guild, id);
      return { id, name: role?.name ?? null, mentionable: role?.mentionable ?? false };
    }),
  );
  return { channels, roles, escalationRoles };
}
