import { z } from 'zod';
import { snowflake } from './snowflake.ts';

/** Discord allows at most 5 text inputs in a modal, labels up to 45 characters, answers up to 4,000. */
export const ticketQuestionSchema = z.object({
  label: z.string().trim().min(1).max(45),
  placeholder: z.string().max(100).optional(),
  style: z.enum(['short', 'paragraph']).default('paragraph'),
  required: z.boolean().default(true),
  minLength: z.number().int().min(0).max(4000).default(0),
  maxLength: z.number().int().min(1).max(4000).default(1000),
});
export type TicketQuestion = z.infer<typeof ticketQuestionSchema>;

/** How a ticket type is named in custom ids, search attributes and requests. */
export const ticketTypeKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1 to 32 lowercase letters, digits or dashes');

export const ticketTypeSchema = z.object({
  key: ticketTypeKey,
  name: z.string().trim().min(1).max(45),
  description: z.string().max(100).default(''),
  emoji: z.string().max(64).optional(),
  openingMessage: z.string().max(2000).default(''),
  questions: z.array(ticketQuestionSchema).max(5).default([]),
  /** How many open tickets of this type one member may have at once. */
  openLimit: z.number().int().min(1).max(50).default(1),
});
export type TicketType = z.infer<typeof ticketTypeSchema>;

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

export const guildConfigSchema = z.object({
  staffRoleIds: z.array(snowflake).max(25).default([]),
  /** The text channel whose private threads hold the tickets. */
  ticketChannelId: snowflake,
  historiesChannelId: snowflake.nullable().default(null),
  remindersChannelId: snowflake.nullable().default(null),
  notificationRoleId: snowflake.nullable().default(null),
  notificationsEnabled: z.boolean().default(false),
  inactivityTimeoutMinutes: z
    .number()
    .int()
    .min(10)
    .max(90 * DAY_MINUTES)
    .default(72 * HOUR_MINUTES),
  inactivityGraceMinutes: z
    .number()
    .int()
    .min(5)
    .max(30 * DAY_MINUTES)
    .default(24 * HOUR_MINUTES),
  reminderIntervalMinutes: z
    .number()
    .int()
    .min(HOUR_MINUTES)
    .max(90 * DAY_MINUTES)
    .default(7 * DAY_MINUTES),
  /** Open tickets one member may have across all types. */
  openLimitPerMember: z.number().int().min(1).max(50).default(3),
  openCooldownSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(0),
  blockedUserIds: z.array(snowflake).max(1000).default([]),
  ticketTypes: z
    .array(ticketTypeSchema)
    .min(1)
    .max(25)
    .refine((types) => new Set(types.map((t) => t.key)).size === types.length, 'ticket type keys must be unique'),
});
export type GuildConfig = z.infer<typeof guildConfigSchema>;
export type GuildConfigInput = z.input<typeof guildConfigSchema>;
