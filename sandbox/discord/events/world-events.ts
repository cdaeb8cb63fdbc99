import {
  type APIMessage,
  type APIPartialEmoji,
  GatewayDispatchEvents,
  GatewayIntentBits,
  ReactionType,
} from 'discord-api-types/v10';
import { canSeeChannel, viewersNow } from '../permissions/visibility.ts';
import {
  serializeChannel,
  serializeMember,
  serializeRole,
  serializeThreadMember,
  serializeUser,
} from '../serializers.ts';
import type { DiscordState } from '../state/discord-state.ts';
import {
  type ChannelRecord,
  isDmChannel,
  isThread,
  type MemberRecord,
  type MessageChannelRecord,
  type RoleRecord,
  type ThreadRecord,
  type UserRecord,
} from '../state/records.ts';
import type { GatewayDispatch } from './dispatch.ts';

/**
 * The gateway events Discord sends when the world changes, built from the state right after (or, for
 * deletions, right before) the change. Each says which intents it needs and who may see it; the gateway
 * shapes it for each session.
 */

const { Guilds, GuildMembers, GuildMessages, GuildMessageReactions, DirectMessages, DirectMessageReactions } =
  GatewayIntentBits;

function seenWithChannel(state: DiscordState, channelId: string): (userId: string) => boolean {
  return (userId) => canSeeChannel(state, channelId, userId);
}

function channelPayload(state: DiscordState, channel: ChannelRecord) {
  return serializeChannel(channel, state.threadMembers(channel.id).length);
}

/** The member object Discord attaches to guild events: the member without its user. */
function partialMember(state: DiscordState, guildId: string, userId: string) {
  const member = state.member(guildId, userId);
  const user = state.users.get(userId);
  if (!member || !user) return undefined;
  const { user: _user, ...rest } = serializeMember(member, user);
  return rest;
}

export function channelCreated(state: DiscordState, channel: ChannelRecord): GatewayDispatch {
  return {
    event: GatewayDispatchEvents.ChannelCreate,
    data: channelPayload(state, channel),
    guildId: channel.guildId,
    intents: Guilds,
    visibleTo: seenWithChannel(state, channel.id),
  };
}

/**
 * CHANNEL_UPDATE, or THREAD_UPDATE for a thread, to those who see it now and, given `seenBefore`, those who saw it
 * before the change (whose clients must learn they lost it).
 */
export function channelUpdated(
  state: DiscordState,
  channel: ChannelRecord,
  seenBefore?: (userId: string) => boolean,
): GatewayDispatch {
  const seenNow = seenWithChannel(state, channel.id);
  return {
    event: isThread(channel) ? GatewayDispatchEvents.ThreadUpdate : GatewayDispatchEvents.ChannelUpdate,
    data: channelPayload(state, channel),
    guildId: channel.guildId,
    intents: Guilds,
    visibleTo: seenBefore ? (userId) => seenNow(userId) || seenBefore(userId) : seenNow,
  };
}

/** CHANNEL_DELETE, or THREAD_DELETE for a thread; call it before the channel is gone. */
export function channelDeleted(state: DiscordState, channel: ChannelRecord): GatewayDispatch {
  const visibleTo = viewersNow(state, channel.id);
  if (!isThread(channel))
    return {
      event: GatewayDispatchEvents.ChannelDelete,
      data: channelPayload(state, channel),
      guildId: channel.guildId,
      intents: Guilds,
      visibleTo,
    };
  return {
    event: GatewayDispatchEvents.ThreadDelete,
    data: { id: channel.id, guild_id: channel.guildId, parent_id: channel.parentId, type: channel.type },
    guildId: channel.guildId,
    intents: Guilds,
    visibleTo,
  };
}

/**
 * THREAD_CREATE. `member` is one user's own membership: the gateway keeps it only for that user's sessions.
 * `newlyCreated` is false when a user is added to a thread their client may not have known.
 */
export function threadCreated(
  state: DiscordState,
  thread: ThreadRecord,
  memberUserId: string,
  newlyCreated: boolean,
  visibleTo: (userId: string) => boolean = seenWithChannel(state, thread.id),
): GatewayDispatch {
  const membership = state.threadMembers(thread.id).find((member) => member.userId === memberUserId);
  return {
    event: GatewayDispatchEvents.ThreadCreate,
    data: {
      ...channelPayload(state, thread),
      ...(newlyCreated ? { newly_created: true } : {}),
      ...(membership ? { member: serializeThreadMember(membership) } : {}),
    },
    guildId: thread.guildId,
    intents: Guilds,
    visibleTo,
  };
}

/**
 * Someone joined a thread: THREAD_MEMBERS_UPDATE for those who see the thread, and THREAD_CREATE for the
 * newcomer, whose client may not have known the thread (Discord's "added to a thread").
 */
export function threadJoined(state: DiscordState, thread: ThreadRecord, userId: string): GatewayDispatch[] {
  const membership = state.threadMembers(thread.id).find((member) => member.userId === userId);
  const member = state.member(thread.guildId, userId);
  const user = state.users.get(userId);
  return [
    {
      event: GatewayDispatchEvents.ThreadMembersUpdate,
      data: {
        id: thread.id,
        guild_id: thread.guildId,
        member_count: Math.min(state.threadMembers(thread.id).length, 50),
        added_members: membership
          ? [
              {
                ...serializeThreadMember(membership),
                ...(member && user ? { member: serializeMember(member, user) } : {}),
                presence: null,
              },
            ]
          : [],
      },
      guildId: thread.guildId,
      intents: Guilds,
      visibleTo: seenWithChannel(state, thread.id),
    },
    threadCreated(state, thread, userId, false, (viewer) => viewer === userId),
  ];
}

/** Someone left a thread (or the guild); call it after they are out, with who could see it before. */
export function threadLeft(
  state: DiscordState,
  thread: ThreadRecord,
  userId: string,
  visibleTo: (userId: string) => boolean,
): GatewayDispatch {
  return {
    event: GatewayDispatchEvents.ThreadMembersUpdate,
    data: {
      id: thread.id,
      guild_id: thread.guildId,
      member_count: Math.min(state.threadMembers(thread.id).length, 50),
      removed_member_ids: [userId],
    },
    guildId: thread.guildId,
    intents: Guilds,
    visibleTo,
  };
}

/**
 * Where a message event goes: in a guild, to those who see the channel, under the guild intents; in a DM, to its
 * two recipients under the DM intents, with no guild_id.
 */
function messageScope(
  state: DiscordState,
  channel: MessageChannelRecord,
  guildIntent: number,
  dmIntent: number,
): Pick<GatewayDispatch, 'guildId' | 'intents' | 'visibleTo'> & { guildFields: { guild_id?: string } } {
  if (isDmChannel(channel))
    return {
      guildId: null,
      intents: dmIntent,
      visibleTo: (userId) => channel.recipientIds.includes(userId),
      guildFields: {},
    };
  return {
    guildId: channel.guildId,
    intents: guildIntent,
    visibleTo: seenWithChannel(state, channel.id),
    guildFields: { guild_id: channel.guildId },
  };
}

export function messageCreated(
  state: DiscordState,
  channel: MessageChannelRecord,
  message: APIMessage,
): GatewayDispatch {
  const { guildFields, ...scope } = messageScope(state, channel, GuildMessages, DirectMessages);
  const member = channel.guildId === null ? undefined : partialMember(state, channel.guildId, message.author.id);
  return {
    event: GatewayDispatchEvents.MessageCreate,
    data: { ...message, ...guildFields, ...(member ? { member } : {}) },
    ...scope,
  };
}

export function messageUpdated(
  state: DiscordState,
  channel: MessageChannelRecord,
  message: APIMessage,
): GatewayDispatch {
  return { ...messageCreated(state, channel, message), event: GatewayDispatchEvents.MessageUpdate };
}

export function messageDeleted(state: DiscordState, channel: MessageChannelRecord, messageId: string): GatewayDispatch {
  const { guildFields, ...scope } = messageScope(state, channel, GuildMessages, DirectMessages);
  return {
    event: GatewayDispatchEvents.MessageDelete,
    data: { id: messageId, channel_id: channel.id, ...guildFields },
    ...scope,
  };
}

export function reactionAdded(
  state: DiscordState,
  channel: MessageChannelRecord,
  message: APIMessage,
  userId: string,
  emoji: APIPartialEmoji,
): GatewayDispatch {
  const { guildFields, ...scope } = messageScope(state, channel, GuildMessageReactions, DirectMessageReactions);
  const member = channel.guildId === null ? undefined : state.member(channel.guildId, userId);
  const user = state.users.get(userId);
  return {
    event: GatewayDispatchEvents.MessageReactionAdd,
    data: {
      user_id: userId,
      channel_id: channel.id,
      message_id: message.id,
      ...guildFields,
      ...(member && user ? { member: serializeMember(member, user) } : {}),
      emoji: { id: emoji.id ?? null, name: emoji.name ?? null, ...(emoji.animated ? { animated: true } : {}) },
      message_author_id: message.author.id,
      burst: false,
      burst_colors: [],
      type: ReactionType.Normal,
    },
    ...scope,
  };
}

/** GUILD_MEMBER_ADD, or GUILD_MEMBER_UPDATE when they already were a member. */
export function memberJoined(member: MemberRecord, user: UserRecord, wasMember: boolean): GatewayDispatch {
  const serialized = serializeMember(member, user);
  return {
    event: wasMember ? GatewayDispatchEvents.GuildMemberUpdate : GatewayDispatchEvents.GuildMemberAdd,
    data: { ...serialized, guild_id: member.guildId },
    guildId: member.guildId,
    intents: GuildMembers,
  };
}

export function memberLeft(guildId: string, user: UserRecord): GatewayDispatch {
  return {
    event: GatewayDispatchEvents.GuildMemberRemove,
    data: { guild_id: guildId, user: serializeUser(user) },
    guildId,
    intents: GuildMembers,
  };
}

export function roleCreated(role: RoleRecord): GatewayDispatch {
  return {
    event: GatewayDispatchEvents.GuildRoleCreate,
    data: { guild_id: role.guildId, role: serializeRole(role) },
    guildId: role.guildId,
    intents: Guilds,
  };
}
