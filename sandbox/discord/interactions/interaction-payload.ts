import {
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIInteractionDataResolvedGuildMember,
  ApplicationIntegrationType,
  InteractionContextType,
  type InteractionType,
  type Locale,
} from 'discord-api-types/v10';
import { channelPermissions } from '../permissions/compute.ts';
import { DM_PERMISSIONS } from '../permissions/direct-messages.ts';
import { serializeChannel, serializeDmChannel, serializeMember, serializeRole, serializeUser } from '../serializers.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { DmChannelRecord } from '../state/records.ts';

/** Discord's default upload limit, which discord.js reads as `attachmentSizeLimit`. */
const ATTACHMENT_SIZE_LIMIT = 25 * 1024 * 1024;
/** A guild's preferred locale when nobody changed it, and a client's language unless the user picked another. */
const DEFAULT_LOCALE = 'en-US' as Locale;

export interface InteractionOrigin {
  applicationId: string;
  botUserId: string;
  type: InteractionType;
  userId: string;
  channelId: string;
}

/**
 * The fields every guild INTERACTION_CREATE carries, in the shape discord.js's BaseInteraction reads: it crashes
 * without `entitlements` and `authorizing_integration_owners`, and builds `memberPermissions` from
 * `member.permissions` (the member's permissions in this channel, overwrites applied).
 */
export function interactionEnvelope(state: DiscordState, origin: InteractionOrigin, id: string, token: string) {
  const dm = state.dmChannels.get(origin.channelId);
  if (dm) return dmInteractionEnvelope(state, origin, dm, id, token);
  const channel = state.channels.get(origin.channelId);
  const user = state.users.get(origin.userId);
  const member = channel ? state.member(channel.guildId, origin.userId) : undefined;
  if (!channel || !user || !member) throw new Error('an interaction needs a guild member in a known channel');
  const guildId = channel.guildId;
  const memberPermissions = channelPermissions(state, channel.id, origin.userId).toString();
  return {
    ...sharedFields(origin, id, token, user.locale),
    guild_id: guildId,
    guild: { id: guildId, locale: DEFAULT_LOCALE, features: [] },
    channel_id: channel.id,
    channel: { ...partialChannel(state, channel.id, origin.userId) },
    member: { ...serializeMember(member, user), permissions: memberPermissions },
    app_permissions: channelPermissions(state, channel.id, origin.botUserId).toString(),
    guild_locale: DEFAULT_LOCALE,
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
  };
}

/** What guild and DM interactions carry alike; `locale` is the user's client language. */
function sharedFields(origin: InteractionOrigin, id: string, token: string, locale: string | undefined) {
  return {
    id,
    token,
    application_id: origin.applicationId,
    type: origin.type,
    version: 1 as const,
    locale: (locale ?? DEFAULT_LOCALE) as Locale,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    entitlements: [],
  };
}

/**
 * An interaction in the bot's DM with a user: the user as `user` (no `member`, no `guild_id`), the channel with the
 * DM's fixed permissions, context BOT_DM, and the guild install's owner "0", which Discord gives bot DMs.
 */
function dmInteractionEnvelope(
  state: DiscordState,
  origin: InteractionOrigin,
  channel: DmChannelRecord,
  id: string,
  token: string,
) {
  const user = state.users.get(origin.userId);
  if (!user || !channel.recipientIds.includes(origin.userId))
    throw new Error('a DM interaction needs one of the DM channel’s recipients');
  return {
    ...sharedFields(origin, id, token, user.locale),
    channel_id: channel.id,
    // Seen from the app: the recipient is the user.
    channel: { ...serializeDmChannel(channel, origin.botUserId, state.users), permissions: DM_PERMISSIONS.toString() },
    user: serializeUser(user),
    app_permissions: DM_PERMISSIONS.toString(),
    context: InteractionContextType.BotDM,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
  };
}

/** A channel as interactions carry it: the channel object plus the viewer's permissions in it. */
export function partialChannel(
  state: DiscordState,
  channelId: string,
  viewerId: string,
): APIInteractionDataResolvedChannel {
  const channel = state.channels.get(channelId);
  if (!channel) throw new Error(`no channel ${channelId}`);
  return {
    ...serializeChannel(channel, state.threadMembers(channel.id).length),
    permissions: channelPermissions(state, channel.id, viewerId).toString(),
  } as APIInteractionDataResolvedChannel;
}

/** What user, role and channel ids point at, as `data.resolved`; members are partial (their user is in `users`). */
export function resolvedFor(
  state: DiscordState,
  channelId: string,
  viewerId: string,
  ids: { users?: string[]; roles?: string[]; channels?: string[] },
): APIInteractionDataResolved {
  const guildId = state.channels.get(channelId)?.guildId ?? '';
  const resolved: APIInteractionDataResolved = {};
  for (const userId of ids.users ?? []) {
    const user = state.users.get(userId);
    if (!user) continue;
    resolved.users = { ...resolved.users, [userId]: serializeUser(user) };
    const member = state.member(guildId, userId);
    if (!member) continue;
    const { user: _user, ...partial } = serializeMember(member, user);
    const resolvedMember: APIInteractionDataResolvedGuildMember = {
      ...partial,
      permissions: channelPermissions(state, channelId, userId).toString(),
    };
    resolved.members = { ...resolved.members, [userId]: resolvedMember };
  }
  for (const roleId of ids.roles ?? []) {
    const role = state.roles.get(roleId);
    if (role) resolved.roles = { ...resolved.roles, [roleId]: serializeRole(role) };
  }
  for (const id of ids.channels ?? []) {
    if (state.channels.has(id)) resolved.channels = { ...resolved.channels, [id]: partialChannel(state, id, viewerId) };
  }
  return resolved;
}
