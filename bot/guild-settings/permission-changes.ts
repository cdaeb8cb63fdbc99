import {
  type Client,
  type DMChannel,
  Events,
  type GuildBasedChannel,
  type GuildMember,
  type NonThreadGuildBasedChannel,
  type PartialGuildMember,
  type Role,
} from 'discord.js';
import type { BotContext } from '../bot-context.ts';
import { tellOpenTickets } from './tell-open-tickets.ts';

/** Several changes in a row (an admin editing a role, then a channel) reach the tickets once. */
const SETTLE_MS = 10_000;

/**
 * When a guild changes what the bot may do (a role's permissions or mentionability, a channel's overwrites, the
 * bot's own roles), its open tickets retry at once the steps a missing permission held up, instead of waiting
 * for their next retry. Other edits (names, colours, positions) are ignored.
 */
export function tellTicketsOfPermissionChanges(
  client: Client,
  context: Pick<BotContext, 'temporal' | 'taskQueue' | 'background'>,
): void {
  const pending = new Map<string, NodeJS.Timeout>();
  const changed = (guildId: string) => {
    clearTimeout(pending.get(guildId));
    pending.set(
      guildId,
      setTimeout(() => {
        pending.delete(guildId);
        tellOpenTickets(context, guildId);
      }, SETTLE_MS).unref(),
    );
  };

  client.on(Events.GuildRoleUpdate, (before: Role, after: Role) => {
    if (!before.permissions.equals(after.permissions) || before.mentionable !== after.mentionable) {
      changed(after.guild.id);
    }
  });
  client.on(Events.GuildRoleDelete, (role: Role) => changed(role.guild.id));
  client.on(
    Events.ChannelUpdate,
    (before: DMChannel | NonThreadGuildBasedChannel, after: DMChannel | NonThreadGuildBasedChannel) => {
      if (!('guild' in after) || !('permissionOverwrites' in before) || !('permissionOverwrites' in after)) return;
      if (!sameOverwrites(before, after)) changed(after.guild.id);
    },
  );
  client.on(Events.GuildMemberUpdate, (before: GuildMember | PartialGuildMember, after: GuildMember) => {
    if (after.id !== client.user?.id) return;
    if (before.partial || !before.roles.cache.equals(after.roles.cache)) changed(after.guild.id);
  });
}

function sameOverwrites(before: GuildBasedChannel, after: GuildBasedChannel): boolean {
  if (!('permissionOverwrites' in before) || !('permissionOverwrites' in after)) return true;
  const key = (channel: typeof before) =>
    JSON.stringify(
      [...channel.permissionOverwrites.cache.values()]
        .map((overwrite) => [overwrite.id, overwrite.allow.bitfield.toString(), overwrite.deny.bitfield.toString()])
        .sort(),
    );
  return key(before) === key(after);
}
