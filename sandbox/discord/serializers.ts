import {
  type APIDMChannel,
  type APIGuildCategoryChannel,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIThreadMember,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GuildMemberFlags,
  type RoleFlags,
  type ThreadMemberFlags,
  type UserFlags,
} from 'discord-api-types/v10';
import type {
  ChannelRecord,
  DmChannelRecord,
  MemberRecord,
  RoleRecord,
  ThreadMemberRecord,
  UserRecord,
} from './state/records.ts';

/** The one place that turns sandbox records into Discord's API JSON, with every field clients expect. */

export function serializeUser(user: UserRecord): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    bot: user.bot,
    banner: null,
    accent_color: null,
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

export function serializeRole(role: RoleRecord): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions,
    managed: role.managed ?? false,
    mentionable: role.mentionable,
    flags: 0 as RoleFlags,
  };
}

export function serializeMember(member: MemberRecord, user: UserRecord): APIGuildMember {
  return {
    user: serializeUser(user),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function serializeThreadMember(member: ThreadMemberRecord): APIThreadMember {
  return {
    id: member.threadId,
    user_id: member.userId,
    join_timestamp: member.joinTimestamp,
    flags: 0 as ThreadMemberFlags,
  };
}

/** Discord counts thread members up to 50 in `member_count`. */
export function serializeChannel(
  channel: ChannelRecord,
  threadMemberCount = 0,
): APITextChannel | APIGuildCategoryChannel | APIThreadChannel {
  const { thread } = channel;
  if (channel.type === ChannelType.GuildCategory) {
    return {
      id: channel.id,
      type: ChannelType.GuildCategory,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      parent_id: null,
      nsfw: false,
      flags: 0 as ChannelFlags,
      permission_overwrites: channel.permissionOverwrites.map((overwrite) => ({ ...overwrite })),
    };
  }
  if (channel.type === ChannelType.GuildText || !thread) {
    return {
      id: channel.id,
      type: ChannelType.GuildText,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      parent_id: channel.parentId,
      topic: channel.topic,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: channel.lastMessageId,
      flags: 0 as ChannelFlags,
      permission_overwrites: channel.permissionOverwrites.map((overwrite) => ({ ...overwrite })),
      default_auto_archive_duration: 1440,
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId ?? undefined,
    owner_id: thread.ownerId,
    flags: 0 as ChannelFlags,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    message_count: thread.messageCount,
    total_message_sent: thread.totalMessageSent,
    member_count: Math.min(threadMemberCount, 50),
    thread_metadata: {
      archived: thread.archived,
      locked: thread.locked,
      invitable: thread.invitable,
      auto_archive_duration: thread.autoArchiveDuration,
      archive_timestamp: thread.archiveTimestamp,
      create_timestamp: thread.createTimestamp,
    },
  };
}

/** A DM channel as its viewer sees it: `recipients` lists the other user only. */
export function serializeDmChannel(
  channel: DmChannelRecord,
  viewerId: string,
  users: ReadonlyMap<string, UserRecord>,
): APIDMChannel {
  return {
    id: channel.id,
    type: ChannelType.DM,
    last_message_id: channel.lastMessageId,
    flags: 0 as ChannelFlags,
    name: null,
    recipients: channel.recipientIds
      .filter((id) => id !== viewerId)
      .flatMap((id) => {
        const user = users.get(id);
        return user ? [serializeUser(user)] : [];
      }),
  };
}
