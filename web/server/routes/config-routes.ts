import { ChannelType } from 'discord-api-types/v10';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guildConfigSchema } from '../../../domain/guild-config.ts';
import { snowflake } from '../../../domain/snowflake.ts';
import { GuildConfigConflictError, GuildConfigError } from '../../../store/guild-config-error.ts';
import { replaceLoadedVersion } from '../../../store/guild-config-repository.ts';
import { ApiError, invalidRequest } from '../http/api-error.ts';
import { accessibleGuild } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';

const params = z.object({ guildId: snowflake });

const channelView = z.object({ id: z.string(), name: z.string(), category: z.string().nullable() });
const roleView = z.object({ id: z.string(), name: z.string(), color: z.number().int() });
const categoryView = z.object({ id: z.string(), name: z.string() });
/** What followed a save (guild-config/guild-config-writer.ts). */
export const followUpsView = z.object({
  openTickets: z.enum(['told', 'failed']),
});
/** The stored configuration's version (each save raises it); null before tickets are set up. */
const configVersion = z.number().int().positive();
/** What a save answers: the configuration saved, its new version for the next whole save, and what followed. */
export const savedConfigView = z.object({
  config: guildConfigSchema,
  version: configVersion,
  followUps: followUpsView,
});

/** A save refused because the configuration is not the one its request was made from (or kept changing). */
export function configChangedMeanwhile(error: unknown): unknown {
  if (!(error instanceof GuildConfigConflictError)) return error;
  return new ApiError(
    409,
    'config_changed',
    'The ticket settings were changed since you opened them (in the panel or with /ticket-config). Reload to see the current settings, then make your change again. Nothing was changed.',
  );
}

/**
 * A guild's ticket settings, for its admins (Manage Server, Administrator or owner), as `/ticket-config` changes them:
 * - `GET /api/v1/guilds/:guildId/config`: the configuration (null before tickets are set up), and the guild's text
 *   channels, categories (for channel mode) and roles for the pickers, read with the bot's token;
 * - `PUT /api/v1/guilds/:guildId/config`: the whole configuration and the `version` it was read at (null: before
 *   tickets were set up), checked with the bot's schema and against the guild's own channels and roles (400 naming
 *   each field, nothing written), then the open tickets told. A configuration saved meanwhile (another admin, a
 *   section, `/ticket-config`) has a newer version: 409 `config_changed`, nothing written, rather than undoing it.
 */
export const configRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/guilds/:guildId/config',
    {
      config: { access: 'admin' },
      schema: {
        params,
        response: {
          200: z.object({
            config: guildConfigSchema.nullable(),
            version: configVersion.nullable(),
            channels: z.array(channelView),
            categories: z.array(categoryView),
            roles: z.array(roleView),
          }),
        },
      },
    },
    async (request) => {
      const guildId = accessibleGuild(request).id;
      const [stored, channels, roles] = await Promise.all([
        services.guildConfigs.loadStoredGuildConfig(guildId),
        services.guildDirectory.channels(guildId),
        services.guildDirectory.roles(guildId),
      ]);
      const categories = new Map(
        channels
          .filter((channel) => channel.type === ChannelType.GuildCategory)
          .map((category) => [category.id, category.name]),
      );
      return {
        config: stored?.config ?? null,
        version: stored?.version ?? null,
        categories: channels
          .filter((channel) => channel.type === ChannelType.GuildCategory)
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
          .map((category) => ({ id: category.id, name: category.name })),
        channels: channels
          .filter((channel) => channel.type === ChannelType.GuildText)
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
          .map((channel) => ({
            id: channel.id,
            name: channel.name,
            category: channel.parentId === null ? null : (categories.get(channel.parentId) ?? null),
          })),
        // @everyone cannot be staff or pinged as a role, and an integration's own role cannot be given to anyone.
        roles: roles
          .filter((role) => role.id !== guildId && !role.managed)
          .sort((a, b) => b.position - a.position || a.name.localeCompare(b.name))
          .map((role) => ({ id: role.id, name: role.name, color: role.color })),
      };
    },
  );

  app.put(
    '/api/v1/guilds/:guildId/config',
    {
      config: { access: 'admin' },
      schema: {
        params,
        body: guildConfigSchema.extend({ version: configVersion.nullable() }),
        response: { 200: savedConfigView },
      },
    },
    async (request) => {
      const guildId = accessibleGuild(request).id;
      const { version, ...config } = request.body;
      try {
        return await services.guildConfigWriter.update(guildId, replaceLoadedVersion(version, config));
      } catch (error) {
        if (error instanceof GuildConfigError) throw invalidRequest(error.problems);
        throw configChangedMeanwhile(error);
      }
    },
  );
};
