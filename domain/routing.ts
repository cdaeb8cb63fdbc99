import { z } from 'zod';

/**
 * How a ticket type assigns a new ticket: `off` leaves it to staff; `round_robin` takes the available staff in turn;
 * `least_open` takes the available staff member with the fewest open tickets in the guild.
 */
export const ROUTING_MODES = ['off', 'round_robin', 'least_open'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];
export const routingModeSchema = z.enum(ROUTING_MODES);

const DAY_MINUTES = 24 * 60;

/**
 * A staff member's own working hours, in minutes after midnight in their time zone (the end up to 24:00). An end
 * before the start wraps past midnight (22:00-06:00); equal start and end would mean no hours at all and are refused.
 */
export interface WorkingHours {
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** One staff member of the routing roster, as Postgres keeps it. */
export interface RosterEntry {
  userId: string;
  /** The roles they held when they last told the bot their availability. */
  roleIds: string[];
  away: boolean;
  hours: WorkingHours | null;
}

const HOURS_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)-([01]?\d|2[0-3]|24):([0-5]\d)$/;

/** `09:00-17:30` as working hours in `timeZone`, or null when the text is no such range. */
export function parseWorkingHours(text: string, timeZone: string): WorkingHours | null {
  const match = HOURS_PATTERN.exec(text.trim());
  if (!match) return null;
  const startMinute = Number(match[1]) * 60 + Number(match[2]);
  const endMinute = Number(match[3]) * 60 + Number(match[4]);
  if (endMinute > DAY_MINUTES || startMinute === endMinute) return null;
  return { startMinute, endMinute, timeZone };
}

/** Whether Intl knows the IANA time zone (`Europe/Berlin`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function formatWorkingHours(hours: Pick<WorkingHours, 'startMinute' | 'endMinute'>): string {
  const clock = (minute: number) =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return `${clock(hours.startMinute)}-${clock(hours.endMinute)}`;
}

/** Minutes after midnight at `at` in `timeZone`. */
function minuteOfDay(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(at))
    .reduce<Record<string, string>>((all, part) => Object.assign(all, { [part.type]: part.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

export function withinHours(hours: WorkingHours | null, at: number): boolean {
  if (!hours) return true;
  const minute = minuteOfDay(at, hours.timeZone);
  return hours.startMinute < hours.endMinute
    ? minute >= hours.startMinute && minute < hours.endMinute
    : minute >= hours.startMinute || minute < hours.endMinute;
}

/** Who may take a new ticket now: on the roster with one of the ticket's staff roles, not away, within their hours. */
export function availableStaff(roster: readonly RosterEntry[], staffRoleIds: readonly string[], at: number): string[] {
  return roster
    .filter((entry) => !entry.away && entry.roleIds.some((roleId) => staffRoleIds.includes(roleId)))
    .filter((entry) => withinHours(entry.hours, at))
    .map((entry) => entry.userId)
    .sort(compareIds);
}

/** Discord ids in numeric order (longer is larger), so the round-robin order is stable. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Round robin: the first candidate after the last one chosen, wrapping round; the first when none was chosen. */
export function nextInTurn(candidates: readonly string[], lastChosen: string | null): string | null {
  if (candidates.length === 0) return null;
  if (lastChosen === null) return candidates[0] ?? null;
  return candidates.find((id) => compareIds(id, lastChosen) > 0) ?? candidates[0] ?? null;
}

/** Least open: the fewest open tickets; ties go in turn after the last chosen, so equal loads rotate. */
export function leastLoaded(
  candidates: readonly string[],
  openCounts: ReadonlyMap<string, number>,
  lastChosen: string | null,
): string | null {
  const fewest = Math.min(...candidates.map((id) => openCounts.get(id) ?? 0));
  return nextInTurn(
    candidates.filter((id) => (openCounts.get(id) ?? 0) === fewest),
    lastChosen,
  );
}
