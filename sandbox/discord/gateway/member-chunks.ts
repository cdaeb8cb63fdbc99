import { type APIGuildMember, GatewayIntentBits } from 'discord-api-types/v10';
import { serializeMember } from '../serializers.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { RequestGuildMembers } from './inbound-payloads.ts';
import type { SessionView } from './session-payloads.ts';

/** Discord sends at most this many members per GUILD_MEMBERS_CHUNK. */
const CHUNK_SIZE = 1000;
/** A query asks for at most 100 members. */
const QUERY_LIMIT = 100;

/**
 * Whether Discord allows this op 8: listing everyone (an empty query) or naming users needs GUILD_MEMBERS;
 * searching by name does not.
 */
export function mayRequestMembers(session: SessionView, request: RequestGuildMembers): boolean {
  if ((session.intents & GatewayIntentBits.GuildMembers) !== 0) return true;
  return request.user_ids === undefined && Boolean(request.query);
}

/** The GUILD_MEMBERS_CHUNK payloads answering an op 8, echoing its nonce; none for a guild the user is not in. */
export function memberChunks(state: DiscordState, session: SessionView, request: RequestGuildMembers): object[] {
  if (!state.member(request.guild_id, session.userId)) return [];
  const members = state.membersOf(request.guild_id);
  let found: typeof members;
  let notFound: string[] = [];
  if (request.user_ids !== undefined) {
    const ids = [...new Set([request.user_ids].flat())];
    found = members.filter((member) => ids.includes(member.userId));
    notFound = ids.filter((id) => !found.some((member) => member.userId === id));
  } else {
    const query = (request.query ?? '').toLowerCase();
    const limit =
      query === '' && request.limit === 0 ? members.length : Math.min(request.limit || QUERY_LIMIT, QUERY_LIMIT);
    found = members
      .filter((member) => {
        const user = state.users.get(member.userId);
        return user?.username.toLowerCase().startsWith(query) || member.nick?.toLowerCase().startsWith(query);
      })
      .slice(0, limit);
  }
  const serialized = found.flatMap((member): APIGuildMember[] => {
    const user = state.users.get(member.userId);
    return user ? [serializeMember(member, user)] : [];
  });
  const chunkCount = Math.max(1, Math.ceil(serialized.length / CHUNK_SIZE));
  return Array.from({ length: chunkCount }, (_, index) => ({
    guild_id: request.guild_id,
    members: serialized.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE),
    chunk_index: index,
    chunk_count: chunkCount,
    ...(index === 0 && notFound.length > 0 ? { not_found: notFound } : {}),
    ...(request.presences ? { presences: [] } : {}),
    ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
  }));
}
