import { z } from 'zod';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '../i18n/locales.ts';
import { routingModeSchema } from './routing.ts';
import { customReason } from './schema-reason.ts';
import { snowflake } from './snowflake.ts';
import { canonicalTimeZone } from './support-hours.ts';
import { TICKET_MODES } from './ticket-channel-mode.ts';

const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/**
 * The bounds of a guild's configuration, most of them Discord's own (a modal holds 5 text inputs with labels up to
 * 45 characters and answers up to 4,000). The schemas below enforce them; the panel's form shows them.
 */
export const GUILD_CONFIG_LIMITS = {
  questionLabelLength: 45,
  questionPlaceholderLength: 100,
  answerLength: 4000,
  ticketTypeKeyLength: 32,
  ticketTypeNameLength: 45,
  ticketTypeDescriptionLength: 100,
  ticketTypeEmojiLength: 64,
  openingMessageLength: 2000,
  questionsPerType: 5,
  ticketTypes: 25,
  staffRoles: 25,
  blockedUsers: 1000,
  /** A select menu offers 25 options: the panel and `/ticket label` can show every label. */
  labels: 25,
  labelNameLength: 32,
  labelEmojiLength: 64,
  openLimitPerType: { min: 1, max: 50 },
  openLimitPerMember: { min: 1, max: 50 },
  inactivityTimeoutMinutes: { min: 10, max: 90 * DAY_MINUTES },
  inactivityGraceMinutes: { min: 5, max: 30 * DAY_MINUTES },
  reminderIntervalMinutes: { min: HOUR_MINUTES, max: 90 * DAY_MINUTES },
  openCooldownSeconds: { min: 0, max: 7 * 24 * 3600 },
  supportWindows: 50,
  supportHolidays: 200,
  /** SLA targets count support time; a target past a quarter of a year of it is no target. */
  slaTargetMinutes: { min: 1, max: 90 * DAY_MINUTES },
  /** Discord allows 500 channels in a guild and 50 in a category: more categories could never all fill. */
  ticketCategories: 10,
  reopenWindowDays: { min: 0, max: 90 },
} as const;
const LIMITS = GUILD_CONFIG_LIMITS;

/** Discord allows at most 5 text inputs in a modal, labels up to 45 characters, answers up to 4,000. */
export const ticketQuestionSchema = z.object({
  label: z.string().trim().min(1).max(LIMITS.questionLabelLength),
  placeholder: z.string().max(LIMITS.questionPlaceholderLength).optional(),
  style: z.enum(['short', 'paragraph']).default('paragraph'),
  required: z.boolean().default(true),
  minLength: z.number().int().min(0).max(LIMITS.answerLength).default(0),
  maxLength: z.number().int().min(1).max(LIMITS.answerLength).default(1000),
});
export type TicketQuestion = z.infer<typeof ticketQuestionSchema>;

/** How a ticket type is named in custom ids, search attributes and requests. */
const TICKET_TYPE_KEY = new RegExp(`^[a-z0-9][a-z0-9-]{0,${LIMITS.ticketTypeKeyLength - 1}}$`);
export const ticketTypeKey = z.string().refine(
  (key) => TICKET_TYPE_KEY.test(key),
  customReason('ticketTypeKey', `must be 1 to ${LIMITS.ticketTypeKeyLength} lowercase letters, digits or dashes`, {
    maxLength: LIMITS.ticketTypeKeyLength,
  }),
);

/** An SLA target in minutes of support time; null when the type has none. */
const slaTargetMinutes = z
  .number()
  .int()
  .min(LIMITS.slaTargetMinutes.min)
  .max(LIMITS.slaTargetMinutes.max)
  .nullable()
  .default(null);

/** One weekly opening, minutes after local midnight (see domain/support-hours.ts). */
export const supportWindowSchema = z
  .object({
    day: z.number().int().min(0).max(6),
    start: z
      .number()
      .int()
      .min(0)
      .max(DAY_MINUTES - 1),
    end: z.number().int().min(1).max(DAY_MINUTES),
  })
  .refine((window) => window.start < window.end, {
    ...customReason('endsBeforeStart', 'must end after it starts'),
    path: ['end'],
  });

const isoDate = z
  .string()
  .refine((date) => /^\d{4}-\d{2}-\d{2}$/.test(date), {
    ...customReason('dateFormat', 'must be a date like 2026-12-24'),
    abort: true,
  })
  .refine(
    (date) => new Date(`${date}T00:00:00Z`).toISOString().startsWith(date),
    customReason('notACalendarDate', 'is not a date of the calendar'),
  );

/** When staff answer: no windows is around the clock; holidays are dates in the zone. */
export const supportHoursSchema = z.object({
  timeZone: z
    .string()
    .refine(
      (zone) => canonicalTimeZone(zone) === zone,
      customReason('timeZone', 'must be a time zone such as Europe/Berlin or America/New_York'),
    )
    .default('UTC'),
  windows: z.array(supportWindowSchema).max(LIMITS.supportWindows).default([]),
  holidays: z
    .array(isoDate)
    .max(LIMITS.supportHolidays)
    .refine((dates) => new Set(dates).size === dates.length, customReason('holidaysRepeat', 'must not repeat a date'))
    .default([]),
});

export const ticketTypeSchema = z.object({
  key: ticketTypeKey,
  name: z.string().trim().min(1).max(LIMITS.ticketTypeNameLength),
  description: z.string().max(LIMITS.ticketTypeDescriptionLength).default(''),
  emoji: z.string().max(LIMITS.ticketTypeEmojiLength).optional(),
  openingMessage: z.string().max(LIMITS.openingMessageLength).default(''),
  questions: z.array(ticketQuestionSchema).max(LIMITS.questionsPerType).default([]),
  /** How many open tickets of this type one member may have at once. */
  openLimit: z.number().int().min(LIMITS.openLimitPerType.min).max(LIMITS.openLimitPerType.max).default(1),
  /** Support time from the opening until staff first answer. */
  firstResponseMinutes: slaTargetMinutes,
  /** Support time until the close, not counting time spent waiting on the member. */
  resolutionMinutes: slaTargetMinutes,
  /** Pinged in the thread when a target is missed; null: the guild's escalation role. */
  escalationRoleId: snowflake.nullable().default(null),
  /** `thread`: a private thread of the ticket channel. `channel`: a private channel in the guild's ticket categories. */
  mode: z.enum(TICKET_MODES).default('thread'),
  /** Automatic assignment of new tickets among the available staff (domain/routing.ts). */
  routing: routingModeSchema.default('off'),
});
export type TicketType = z.infer<typeof ticketTypeSchema>;

/** A label staff may put on tickets; its name is what `/ticket label` takes and the `TicketLabels` attribute holds. */
export const ticketLabelSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.labelNameLength)
    .refine(
      (name) => /^[^,"]+$/.test(name),
      customReason('labelNameCharacters', 'must not contain commas or double quotes'),
    ),
  /** `#rrggbb`, shown in the panel. */
  color: z
    .string()
    .refine((color) => /^#[0-9a-fA-F]{6}$/.test(color), customReason('labelColour', 'must be a colour like #ff8800'))
    .optional(),
  emoji: z.string().max(LIMITS.labelEmojiLength).optional(),
});
export type TicketLabel = z.infer<typeof ticketLabelSchema>;

export const guildConfigSchema = z.object({
  staffRoleIds: z.array(snowflake).max(LIMITS.staffRoles).default([]),
  /** The text channel whose private threads hold the tickets. */
  ticketChannelId: snowflake,
  historiesChannelId: snowflake.nullable().default(null),
  remindersChannelId: snowflake.nullable().default(null),
  notificationRoleId: snowflake.nullable().default(null),
  notificationsEnabled: z.boolean().default(false),
  inactivityTimeoutMinutes: z
    .number()
    .int()
    .min(LIMITS.inactivityTimeoutMinutes.min)
    .max(LIMITS.inactivityTimeoutMinutes.max)
    .default(72 * HOUR_MINUTES),
  inactivityGraceMinutes: z
    .number()
    .int()
    .min(LIMITS.inactivityGraceMinutes.min)
    .max(LIMITS.inactivityGraceMinutes.max)
    .default(24 * HOUR_MINUTES),
  reminderIntervalMinutes: z
    .number()
    .int()
    .min(LIMITS.reminderIntervalMinutes.min)
    .max(LIMITS.reminderIntervalMinutes.max)
    .default(7 * DAY_MINUTES),
  /** Open tickets one member may have across all types. */
  openLimitPerMember: z.number().int().min(LIMITS.openLimitPerMember.min).max(LIMITS.openLimitPerMember.max).default(3),
  openCooldownSeconds: z
    .number()
    .int()
    .min(LIMITS.openCooldownSeconds.min)
    .max(LIMITS.openCooldownSeconds.max)
    .default(0),
  /** Days a closed ticket may be reopened by its creator or staff; 0 makes a close final. */
  reopenWindowDays: z.number().int().min(LIMITS.reopenWindowDays.min).max(LIMITS.reopenWindowDays.max).default(7),
  /** Whether the creator gets a direct message with the closing reason and a link to the transcript. */
  closingDmEnabled: z.boolean().default(true),
  blockedUserIds: z.array(snowflake).max(LIMITS.blockedUsers).default([]),
  supportHours: supportHoursSchema.default({ timeZone: 'UTC', windows: [], holidays: [] }),
  /** Pinged when a ticket misses an SLA target and its type names no role of its own. */
  escalationRoleId: snowflake.nullable().default(null),
  /** The categories channel-mode tickets open in, in order: the first with room takes the next ticket. */
  ticketCategoryIds: z
    .array(snowflake)
    .max(LIMITS.ticketCategories)
    .refine((ids) => new Set(ids).size === ids.length, customReason('categoriesRepeat', 'a category is listed twice'))
    .default([]),
  /** The labels staff may put on this guild's tickets, in the order they are offered. */
  labels: z
    .array(ticketLabelSchema)
    .max(LIMITS.labels)
    .default([])
    .refine(
      (labels) => new Set(labels.map((label) => label.name.toLowerCase())).size === labels.length,
      customReason('labelNamesRepeat', 'label names must be unique (ignoring case)'),
    ),
  /** What the tickets say in their threads and the histories channel; members' own answers follow their Discord. */
  language: z.enum(SUPPORTED_LOCALES).default(DEFAULT_LOCALE),
  ticketTypes: z
    .array(ticketTypeSchema)
    .min(1)
    .max(LIMITS.ticketTypes)
    .refine(
      (types) => new Set(types.map((t) => t.key)).size === types.length,
      customReason('ticketTypeKeysRepeat', 'ticket type keys must be unique'),
    ),
});
export type GuildConfig = z.infer<typeof guildConfigSchema>;
export type GuildConfigInput = z.input<typeof guildConfigSchema>;
