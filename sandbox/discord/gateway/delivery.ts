import { type APIMessage, type APIUser, GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { GatewayDispatch } from '../events/dispatch.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { guildCreatePayload, type SessionView } from './session-payloads.ts';

/** One event as one session receives it. */
export interface ShapedDispatch {
  event: string;
  data: unknown;
}

/**
 * What a session receives of a world event, or null when it receives nothing: the user must be in the guild,
 * hold the event's intents and be allowed to see it; then the payload is cut to what this session may read.
 */
export function shapeForSession(
  state: DiscordState,
  session: SessionView,
  dispatch: GatewayDispatch,
): ShapedDispatch | null {
  const own = ownMembershipChange(state, session, dispatch);
  if (own !== undefined) return own;
  if (dispatch.guildId !== null && !state.member(dispatch.guildId, session.userId)) return null;
  if ((session.intents & dispatch.intents) !== dispatch.intents) return null;
  if (dispatch.visibleTo && !dispatch.visibleTo(session.userId)) return null;
  switch (dispatch.event) {
    case GatewayDispatchEvents.ThreadMembersUpdate:
      return threadMembersUpdate(session, dispatch.data as ThreadMembersUpdateData);
    case GatewayDispatchEvents.ThreadCreate:
      return { event: dispatch.event, data: withOwnThreadMembership(session, dispatch.data as ThreadData) };
    case GatewayDispatchEvents.MessageCreate:
    case GatewayDispatchEvents.MessageUpdate:
      return { event: dispatch.event, data: withReadableContent(session, dispatch.data as APIMessage) };
    default:
      return { event: dispatch.event, data: dispatch.data };
  }
}

/**
 * The user joining or leaving a guild is, for their own client, the guild appearing (GUILD_CREATE) or
 * disappearing (GUILD_DELETE), whatever the intents. undefined: the event is not about this user.
 */
function ownMembershipChange(
  state: DiscordState,
  session: SessionView,
  dispatch: GatewayDispatch,
): ShapedDispatch | null | undefined {
  const guildId = dispatch.guildId;
  if (guildId === null) return undefined;
  const userId = (dispatch.data as { user?: APIUser }).user?.id;
  if (userId !== session.userId) return undefined;
  if (dispatch.event === GatewayDispatchEvents.GuildMemberAdd) {
    const guild = state.guilds.get(guildId);
    return guild ? { event: GatewayDispatchEvents.GuildCreate, data: guildCreatePayload(state, guild, session) } : null;
  }
  if (dispatch.event === GatewayDispatchEvents.GuildMemberRemove)
    return { event: GatewayDispatchEvents.GuildDelete, data: { id: guildId } };
  return undefined;
}

interface ThreadMembersUpdateData {
  added_members?: { user_id: string }[];
  removed_member_ids?: string[];
}

/** Without GUILD_MEMBERS, a client only hears of thread membership changes that include itself. */
function threadMembersUpdate(session: SessionView, data: ThreadMembersUpdateData): ShapedDispatch | null {
  const event = GatewayDispatchEvents.ThreadMembersUpdate;
  if ((session.intents & GatewayIntentBits.GuildMembers) !== 0) return { event, data };
  const involved = [
    ...(data.added_members ?? []).map((member) => member.user_id),
    ...(data.removed_member_ids ?? []),
  ].includes(session.userId);
  return involved ? { event, data } : null;
}

interface ThreadData {
  member?: { user_id: string };
}

/** A thread's `member` is the receiving user's own membership; clients take it as theirs. */
function withOwnThreadMembership(session: SessionView, data: ThreadData): ThreadData {
  if (!data.member || data.member.user_id === session.userId) return data;
  const { member: _other, ...rest } = data;
  return rest;
}

/**
 * Without MESSAGE_CONTENT, others' messages come without content, embeds, attachments and components, unless
 * they mention the user or are in a DM (a message without guild_id).
 */
function withReadableContent(session: SessionView, message: APIMessage & { guild_id?: string }): APIMessage {
  if ((session.intents & GatewayIntentBits.MessageContent) !== 0) return message;
  if (message.guild_id === undefined) return message;
  if (message.author?.id === session.userId) return message;
  if (message.mentions?.some((user) => user.id === session.userId)) return message;
  return { ...message, content: '', embeds: [], attachments: [], components: [] };
}
