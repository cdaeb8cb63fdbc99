import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { GuildConfig, GuildConfigInput } from '../../../domain/guild-config.ts';
import {
  type GuildConfigSection,
  type GuildConfigSectionBody,
  guildConfigSectionSchemas,
} from '../../../domain/guild-config-sections.ts';
import { snowflake } from '../../../domain/snowflake.ts';
import { GuildConfigError } from '../../../store/guild-config-error.ts';
import { ApiError, invalidRequest, type Problem } from '../http/api-error.ts';
import { accessibleGuild } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';
import { configChangedMeanwhile, savedConfigView } from './config-routes.ts';

const params = z.object({ guildId: snowflake });

interface ConfigSection<Section extends GuildConfigSection> {
  path: Section;
  /** The configuration with the part replaced, or why the part does not fit this guild's configuration. */
  apply(config: GuildConfig, body: GuildConfigSectionBody<Section>): GuildConfigInput | Problem[];
}

const section = <Section extends GuildConfigSection>(definition: ConfigSection<Section>) => definition;

/**
 * One part of the guild's ticket settings at a time, as one `/ticket-config` subcommand changes it, at
 * `PUT /api/v1/guilds/:guildId/config/<section>`: the body is that part, under the configuration's field names and
 * checked with the bot's schema (`domain/guild-config-sections.ts`); the rest of the configuration is kept as stored. The
 * whole is then saved as the bot saves it (its schema again, the channels and roles being the guild's own, a
 * channel-mode type keeping a category) and the open tickets are told. A save that came in meanwhile (another
 * section, the bot) is kept: the part is applied again over it (store/guild-config-repository.ts).
 */
const CONFIG_SECTIONS = [
  section({
    path: 'support-hours',
    apply: (config, body) => ({ ...config, supportHours: body.supportHours }),
  }),
  section({
    path: 'sla',
    apply(config, body) {
      const keys = config.ticketTypes.map((type) => type.key);
      if (body.ticketTypes.map((type) => type.key).join('\n') !== keys.join('\n')) {
        return [{ path: 'ticketTypes', message: `must list the server's ticket types in order: ${keys.join(', ')}` }];
      }
      return {
        ...config,
        escalationRoleId: body.escalationRoleId,
        ticketTypes: config.ticketTypes.map((type, index) => ({ ...type, ...body.ticketTypes[index] })),
      };
    },
  }),
  section({
    path: 'labels',
    apply: (config, body) => ({ ...config, labels: body.labels }),
  }),
  section({
    path: 'categories',
    apply: (config, body) => ({ ...config, ticketCategoryIds: body.ticketCategoryIds }),
  }),
  section({
    path: 'closing',
    apply: (config, body) => ({
      ...config,
      reopenWindowDays: body.reopenWindowDays,
      closingDmEnabled: body.closingDmEnabled,
    }),
  }),
];

export const configSectionRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  for (const definition of CONFIG_SECTIONS) {
    app.put(
      `/api/v1/guilds/:guildId/config/${definition.path}`,
      {
        config: { access: 'admin' },
        schema: {
          params,
          body: guildConfigSectionSchemas[definition.path],
          response: { 200: savedConfigView },
        },
      },
      async (request) => {
        const guildId = accessibleGuild(request).id;
        try {
          return await services.guildConfigWriter.update(guildId, (stored) => {
            if (!stored) {
              throw new ApiError(
                409,
                'not_set_up',
                'Tickets are not set up on this server yet: save the ticket settings first. Nothing was changed.',
              );
            }
            const changed = definition.apply(stored.config, request.body as never);
            if (Array.isArray(changed)) throw invalidRequest(changed);
            return changed;
          });
        } catch (error) {
          if (error instanceof GuildConfigError) throw invalidRequest(error.problems);
          throw configChangedMeanwhile(error);
        }
      },
    );
  }
};
