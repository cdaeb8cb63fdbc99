import { compareDiscordIds } from '../../../../domain/discord-id.ts';
import { guildPermissions } from '../../permissions/compute.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import type { RouteResponse } from '../router.ts';

/**
 * `GET /users/@me/guilds` for a user (Bearer) or a bot (Bot): the caller's guilds as partial guilds, oldest id first,
 * paged by `before`/`after` and `limit` (1 to 200, default 200) as on Discord.
 */
export function currentUserGuilds(state: DiscordState, userId: string, query: URLSearchParams): RouteResponse {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 200) || 200, 1), 200);
  const after = query.get('after');
  const before = query.get('before');
  const withCounts = query.get('with_counts') === 'true';
  const guilds = [...state.guilds.values()]
    .filter((guild) => state.member(guild.id, userId))
    .filter((guild) => !after || compareDiscordIds(guild.id, after) > 0)
    .filter((guild) => !before || compareDiscordIds(guild.id, before) < 0)
    .sort((a, b) => compareDiscordIds(a.id, b.id));
  const page = before ? guilds.slice(-limit) : guilds.slice(0, limit);
  return {
    status: 200,
    body: page.map((guild) => ({
      id: guild.id,
      name: guild.name,
      icon: null,
      banner: null,
      owner: guild.ownerId === userId,
      // Guild-level: @everyone and the member's roles, never channel overwrites.
      permissions: guildPermissions(state, guild.id, userId).toString(),
      features: [],
      ...(withCounts
        ? { approximate_member_count: state.membersOf(guild.id).length, approximate_presence_count: 0 }
        : {}),
    })),
  };
}
