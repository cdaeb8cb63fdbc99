import type { APIApplicationCommand, APIMessage } from 'discord-api-types/v10';
import { canSeeChannel } from '../permissions/visibility.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { isThread } from '../state/records.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';
import { visibleChannel } from './visibility.ts';

/**
 * What a member's client shows, read-only, for the HTTP driver's users (the demo's command line): the guilds with
 * their members, roles, channels and commands, and a channel's messages. Given a viewer, only what they see.
 */

export interface GuildView {
  id: string;
  name: string;
  roles: { id: string; name: string }[];
  members: { id: string; username: string; bot: boolean; roleIds: string[] }[];
  channels: {
    id: string;
    name: string;
    type: number;
    parentId: string | null;
    archived: boolean;
    locked: boolean;
  }[];
  commands: APIApplicationCommand[];
}

export function guildViews(state: DiscordState, viewerId: string | null): GuildView[] {
  return [...state.guilds.values()]
    .filter((guild) => viewerId === null || state.member(guild.id, viewerId))
    .map((guild) => {
      const members = state.membersOf(guild.id).flatMap((member) => {
        const user = state.users.get(member.userId);
        return user ? [{ id: user.id, username: user.username, bot: user.bot, roleIds: member.roleIds }] : [];
      });
      const channels = [...state.channels.values()]
        .filter((channel) => channel.guildId === guild.id)
        .filter((channel) => viewerId === null || canSeeChannel(state, channel.id, viewerId))
        .map((channel) => ({
          id: channel.id,
          name: channel.name,
          type: channel.type,
          parentId: channel.parentId,
          archived: isThread(channel) && channel.thread.archived,
          locked: isThread(channel) && channel.thread.locked,
        }));
      const commands = members.flatMap((member) => {
        const bot = state.botByUserId(member.id);
        return bot ? state.commands.list(bot.applicationId, guild.id) : [];
      });
      return {
        id: guild.id,
        name: guild.name,
        roles: state.rolesOf(guild.id).map((role) => ({ id: role.id, name: role.name })),
        members,
        channels,
        commands,
      };
    });
}

/** A channel's last `limit` messages, oldest first; a viewer also sees the ephemeral messages shown to them there. */
export function channelMessages(
  state: DiscordState,
  channelId: string,
  viewerId: string | null,
  limit: number,
): APIMessage[] {
  if (viewerId !== null) visibleChannel(state, channelId, viewerId);
  else if (!state.channels.has(channelId)) throw new SandboxDriverError(`there is no channel ${channelId}`);
  const ephemeral = viewerId === null ? [] : state.interactions.ephemeralMessagesFor(channelId, viewerId);
  const byAge = (a: APIMessage, b: APIMessage) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
  return [...state.messagesIn(channelId), ...ephemeral].sort(byAge).slice(-limit);
}
