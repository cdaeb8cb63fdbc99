import { z } from 'zod';
import { compareDiscordIds } from '../../../../domain/discord-id.ts';
import { serializeMember } from '../../serializers.ts';
import { requireGuild } from '../access.ts';
import { missingAccess } from '../errors.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';
import { guildDirectoryRoutes } from './guild-directory.ts';

const listMembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(1),
  after: z.string().regex(/^\d+$/).default('0'),
});

export const guildRoutes: Route[] = [
  {
    method: 'GET',
    path: '/guilds/:guildId/members',
    handle({ state, params, query, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      // Listing members needs the privileged Server Members intent, switched on in the developer portal.
      if (!state.botByUserId(botUserId)?.guildMembersIntent) throw missingAccess();
      const { limit, after } = parseFormBody(listMembersQuery, Object.fromEntries(query));
      const page = state
        .membersOf(guild.id)
        .filter((member) => compareDiscordIds(member.userId, after) > 0)
        .slice(0, limit);
      return {
        status: 200,
        body: page.flatMap((member) => {
          const user = state.users.get(member.userId);
          return user ? [serializeMember(member, user)] : [];
        }),
      };
    },
  },
  ...guildDirectoryRoutes,
];
