import { z } from 'zod';
import { guildConfigSchema, supportHoursSchema, ticketTypeSchema } from './guild-config.ts';
import { snowflake } from './snowflake.ts';

/** A type's service targets as the SLA editor sends them: every field, none left to a default. */
const typeTargetsSchema = ticketTypeSchema
  .pick({ key: true, firstResponseMinutes: true, resolutionMinutes: true, escalationRoleId: true })
  .required()
  .strict();

/**
 * The parts of a guild's configuration that can be saved one at a time (the panel's service settings, as one
 * `/ticket-config` subcommand changes one part): each under the configuration's own field names, so a problem names
 * the same path as in the whole, and with every field required, so that a missing one is refused rather than reset
 * to its default.
 */
export const guildConfigSectionSchemas = {
  'support-hours': z.strictObject({ supportHours: supportHoursSchema.required().strict() }),
  /** Every type, in the configuration's order. */
  sla: z.strictObject({ escalationRoleId: snowflake.nullable(), ticketTypes: z.array(typeTargetsSchema) }),
  labels: guildConfigSchema.pick({ labels: true }).required().strict(),
  categories: guildConfigSchema.pick({ ticketCategoryIds: true }).required().strict(),
  closing: guildConfigSchema.pick({ reopenWindowDays: true, closingDmEnabled: true }).required().strict(),
} as const;

export type GuildConfigSection = keyof typeof guildConfigSectionSchemas;
export type GuildConfigSectionBody<Section extends GuildConfigSection> = z.output<
  (typeof guildConfigSectionSchemas)[Section]
>;
