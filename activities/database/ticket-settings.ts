import { z } from 'zod';
import type { TicketSettings } from '../../domain/ticket.ts';
import type { Guild, TicketQuestion, TicketType } from '../../prisma/client.ts';

const MINUTE_MS = 60_000;

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
    staffRoleIds,
    ticketChannelId: guild.ticketChannelId,
    historiesChannelId: guild.historiesChannelId,
    remindersChannelId: guild.remindersChannelId,
    notificationRoleId: guild.notificationsEnabled ? guild.notificationRoleId : null,
    inactivityTimeoutMs: guild.inactivityTimeoutMinutes * MINUTE_MS,
    inactivityGraceMs: guild.inactivityGraceMinutes * MINUTE_MS,
    reminderIntervalMs: guild.reminderIntervalMinutes * MINUTE_MS,
  };
}
