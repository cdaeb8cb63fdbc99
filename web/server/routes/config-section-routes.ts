import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type GuildConfig,
  type GuildConfigInput,
  guildConfigSchema,
  supportHoursSchema,
  ticketTypeSchema,
} from '../../../domain/guild-config.ts';
import { snowflake } from '../../../domain/snowflake.ts';
import { GuildConfigError } from '../../../store/guild-config-error.ts';
import { ApiError, invalidRequest, type Problem } from '../http/api-error.ts';
import { accessibleGuild } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';
import { followUpsView } from './config-routes.ts';

const params = z.object({ guildId: snowflake });

/** A type's service targets as the SLA editor sends them: every field, none left to a default. */
const typeTargets = ticketTypeSchema
  .pick({ key: true, firstResponseMinutes: true, resolutionMinutes: true, escalationRoleId: true })
  .required()
  .strict();

interface ConfigSection<Body extends z.ZodType> {
  path: string;
  /** The part of the configuration it replaces, under the configuration's own names, so problems name the same paths. */
  body: Body;
  /** The configuration with the part replaced, or why the part does not fit this guild's configuration. */
  apply(config: GuildConfig, body: z.output<Body>): GuildConfigInput | Problem[];
}

const section = <Body extends z.ZodType>(definition: ConfigSection<Body>) => definition;

/**
 * One part of the guild's ticket settings at a time, as one `/ticket-config` subcommand changes it, at
 * `PUT /api/v1/guilds/:guildId/config/<section>`: the body is that part, under the configuration's field names and
 * checked with the bot's schema (`domain/guild-config.ts`); the rest of the configuration is kept as stored. The
 * whole is then saved as the bot saves it (its schema again, the channels and roles being the guild's own, a
 * channel-mode type keeping a category) and the open tickets are told.
 */
const CONFIG_SECTIONS = [
  section({
    path: 'support-hours',
    body: z.strictObject({ supportHours: supportHoursSchema.required().strict() }),
    apply: (config, body) => ({ ...config, supportHours: body.supportHours }),
  }),
  section({
    path: 'sla',
    body: z.strictObject({
      escalationRoleId: snowflake.nullable(),
      ticketTypes: z.array(typeTargets),
    }),
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
    body: guildConfigSchema.pick({ labels: true }).required().strict(),
    apply: (config, body) => ({ ...config, labels: body.labels }),
  }),
  section({
    path: 'categories',
    body: guildConfigSchema.pick({ ticketCategoryIds: true }).required().strict(),
    apply: (config, body) => ({ ...config, ticketCategoryIds: body.ticketCategoryIds }),
  }),
  section({
    path: 'closing',
    body: guildConfigSchema.pick({ reopenWindowDays: true, closingDmEnabled: true }).required().strict(),
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
          body: definition.body,
          response: { 200: z.object({ config: guildConfigSchema, followUps: followUpsView }) },
        },
      },
      async (request) => {
        const guildId = accessibleGuild(request).id;
        const stored = await services.guildConfigs.loadGuildConfig(guildId);
        if (!stored) {
          throw new ApiError(
            409,
            'not_set_up',
            'Tickets are not set up on this server yet: save the ticket settings first. Nothing was changed.',
          );
        }
        const changed = definition.apply(stored, request.body as never);
        if (Array.isArray(changed)) throw invalidRequest(changed);
        try {
          return await services.guildConfigWriter.save(guildId, changed);
        } catch (error) {
          if (error instanceof GuildConfigError) throw invalidRequest(error.problems);
          throw error;
        }
      },
    );
  }
};
