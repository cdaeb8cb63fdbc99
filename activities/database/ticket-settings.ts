import { z } from 'zod';
import { supportWindowSchema } from '../../domain/guild-config.ts';
import { routingModeSchema } from '../../domain/routing.ts';
import type { SupportHours } from '../../domain/support-hours.ts';
import type { FollowedSettings, TicketSettings } from '../../domain/ticket.ts';
import { TICKET_MODES } from '../../domain/ticket-channel-mode.ts';
import type { Guild, TicketQuestion, TicketType } from '../../prisma/client.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Reads back the snapshot stored on a ticket row (written by registerTicket, checked so a bad row fails loudly). */
export const ticketSettingsSchema: z.ZodType<TicketSettings> = z.object({
  typeName: z.string(),
  openingMessage: z.string(),
  questions: z.array(z.string()),
  staffRoleIds: z.array(z.string()),
  ticketChannelId: z.string(),
  historiesChannelId: z.string().nullable(),
  remindersChannelId: z.string().nullable(),
  notificationRoleId: z.string().nullable(),
  inactivityTimeoutMs: z.number(),
  inactivityGraceMs: z.number(),
  reminderIntervalMs: z.number(),
  mode: z.enum(TICKET_MODES).optional(),
  ticketCategoryIds: z.array(z.string()).optional(),
  routing: routingModeSchema.optional(),
  language: z.string().optional(),
  sla: z
    .object({
      supportHours: z.object({
        timeZone: z.string(),
        windows: z.array(supportWindowSchema),
        holidays: z.array(z.string()),
      }),
      firstResponseMinutes: z.number().nullable(),
      resolutionMinutes: z.number().nullable(),
      escalationRoleId: z.string().nullable(),
    })
    .optional(),
  reopenWindowMs: z.number().optional(),
  closingDmEnabled: z.boolean().optional(),
});

/** The configuration a ticket of `type` captures when it opens; durations in milliseconds. */
export function ticketSettingsOf(
  guild: Guild,
  staffRoleIds: string[],
  type: TicketType & { questions: TicketQuestion[] },
): TicketSettings {
  return {
    typeName: type.name,
    openingMessage: type.openingMessage,
    questions: [...type.questions].sort((a, b) => a.position - b.position).map((question) => question.label),
    ticketChannelId: guild.ticketChannelId,
    notificationRoleId: guild.notificationsEnabled ? guild.notificationRoleId : null,
    ...capturedFollowedSettings(guild, staffRoleIds),
    // Thread-mode tickets capture nothing more, so their settings stay as they always were.
    ...(type.mode === 'channel' ? { mode: type.mode, ticketCategoryIds: guild.ticketCategoryIds } : {}),
    // Only routed types say so: the settings of other tickets stay as they were before routing.
    ...(type.routing === 'off' ? {} : { routing: type.routing }),
    sla: {
      supportHours: supportHoursOf(guild),
      firstResponseMinutes: type.firstResponseMinutes,
      resolutionMinutes: type.resolutionMinutes,
      escalationRoleId: type.escalationRoleId ?? guild.escalationRoleId,
    },
  };
}

/** The guild's settings that open tickets follow when they change. */
export function followedSettingsOf(guild: Guild, staffRoleIds: string[]): FollowedSettings {
  return { ...capturedFollowedSettings(guild, staffRoleIds), supportHours: supportHoursOf(guild) };
}

/** What a ticket captures of the followed settings beside the rest; it keeps the support hours with its SLA. */
function capturedFollowedSettings(guild: Guild, staffRoleIds: string[]): FollowedSettings {
  return {
    staffRoleIds,
    historiesChannelId: guild.historiesChannelId,
    remindersChannelId: guild.remindersChannelId,
    inactivityTimeoutMs: guild.inactivityTimeoutMinutes * MINUTE_MS,
    inactivityGraceMs: guild.inactivityGraceMinutes * MINUTE_MS,
    reminderIntervalMs: guild.reminderIntervalMinutes * MINUTE_MS,
    language: guild.language,
    reopenWindowMs: guild.reopenWindowDays * DAY_MS,
    closingDmEnabled: guild.closingDmEnabled,
  };
}

function supportHoursOf(guild: Guild): SupportHours {
  return {
    timeZone: guild.supportTimeZone,
    windows: supportWindowSchema.array().parse(guild.supportWindows),
    holidays: guild.supportHolidays,
  };
}
