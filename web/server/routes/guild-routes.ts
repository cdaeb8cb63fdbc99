import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grants } from '../../../domain/guild-access.ts';
import { snowflake } from '../../../domain/snowflake.ts';
import type { AccessibleGuild } from '../access/guild-access-views.ts';
import { guildIconUrl } from '../discord/cdn.ts';
import { accessibleGuild, signedInSession } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';

const guildView = z.object({
  id: z.string(),
  name: z.string(),
  iconUrl: z.string().nullable(),
  access: z.enum(['admin', 'staff', 'member']),
});

function view(guild: AccessibleGuild): z.infer<typeof guildView> {
  return { id: guild.id, name: guild.name, iconUrl: guildIconUrl(guild.id, guild.icon), access: guild.access };
}

/**
 * - `GET /api/v1/guilds`: the guilds the bot is in where the caller is staff or admin, by name;
 * - `GET /api/v1/guilds/:guildId`: one guild the caller and the bot share, with the caller's access (404 otherwise).
 */
export const guildRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/guilds',
    {
      config: { access: 'signed-in' },
      schema: {
        response: { 200: z.object({ guilds: z.array(guildView.extend({ access: z.enum(['admin', 'staff']) })) }) },
      },
    },
    async (request) => {
      const session = signedInSession(request);
      const guilds = await services.guildAccessViews.guildsOf({
        userId: session.user.id,
        discordAccessToken: session.discordAccessToken,
      });
      const staffed = [...guilds.values()].filter((guild) => grants(guild.access, 'staff'));
      staffed.sort((a, b) => a.name.localeCompare(b.name));
      return {
        guilds: staffed.map((guild) => ({
          ...view(guild),
          access: guild.access === 'admin' ? ('admin' as const) : ('staff' as const),
        })),
      };
    },
  );

  app.get(
    '/api/v1/guilds/:guildId',
    {
      config: { access: 'member' },
      schema: { params: z.object({ guildId: snowflake }), response: { 200: z.object({ guild: guildView }) } },
    },
    async (request) => ({ guild: view(accessibleGuild(request)) }),
  );
};
