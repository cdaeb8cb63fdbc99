import { ChannelType } from 'discord-api-types/v10';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { guildConfigSchema } from '../../../domain/guild-config.ts';
import { snowflake } from '../../../domain/snowflake.ts';
import { GuildConfigError } from '../../../store/guild-config-error.ts';
import { invalidRequest } from '../http/api-error.ts';
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

/**
 * A guild's ticket settings, for its admins (Manage Server, Administrator or owner), as `/ticket-config` changes them:
 * - `GET /api/v1/guilds/:guildId/config`: the configuration (null before tickets are set up), and the guild's text
 *   channels, categories (for channel mode) and roles for the pickers, read with the bot's token;
 * - `PUT /api/v1/guilds/:guildId/config`: the whole configuration, checked with the bot's schema and against the
 *   guild's own channels and roles (400 naming each field, nothing written), then the open tickets told.
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
            channels: z.array(channelView),
            categories: z.array(categoryView),
            roles: z.array(roleView),
          }),
        },
      },
    },
    async (request) => {
      const guildId = accessibleGuild(request).id;
      const [config, channels, roles] = await Promise.all([
        services.guildConfigs.loadGuildConfig(guildId),
        services.guildDirectory.channels(guildId),
        services.guildDirectory.roles(guildId),
      ]);
      const categories = new Map(
        channels
          .filter((channel) => channel.type === ChannelType.GuildCategory)
          .map((category) => [category.id, category.name]),
      );
      return {
        config,
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
        body: guildConfigSchema,
        response: { 200: z.object({ config: guildConfigSchema, followUps: followUpsView }) },
      },
    },
    async (request) => {
      const guildId = accessibleGuild(request).id;
      try {
        return await services.guildConfigWriter.save(guildId, request.body);
      } catch (error) {
        if (error instanceof GuildConfigError) throw invalidRequest(error.problems);
        throw error;
      }
    },
  );
};
