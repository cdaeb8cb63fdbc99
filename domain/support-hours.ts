/**
 * A guild's support hours as a calendar, and the arithmetic of "support time" over it: how much of it passed
 * between two instants, when N minutes of it will have passed, when support next opens. Pure (Intl only, which
 * the workflow sandbox has with its full time-zone data), so the ticket workflow computes its SLA deadlines
 * with it.
 */

import { zoneOffsetAt } from './time-zone-offset.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A calendar open on no day within this many days is taken as never open (every open day a holiday). */
const HORIZON_DAYS = 800;

/** One opening on a weekday, in minutes after local midnight; `end` may be 1440 (until midnight). */
export type SupportWindow = {
  /** 0 = Sunday … 6 = Saturday, as Date#getDay. */
  day: number;
  start: number;
  end: number;
};

export type SupportHours = {
  /** An IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** No windows: open around the clock (except holidays). */
  windows: SupportWindow[];
  /** Local dates (`2026-12-24`) on which support is closed all day. */
  holidays: string[];
};

/** Around the clock, every day, in UTC: what a guild that never set support hours has. */
export const ALWAYS_OPEN: SupportHours = { timeZone: 'UTC', windows: [], holidays: [] };

/** The zone's canonical name (`europe/berlin` → `Europe/Berlin`), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * The instant a local wall-clock time (as milliseconds of a UTC date) names. Like Temporal's `compatible`: a time
 * that occurs twice (the clocks go back) is its earlier instant, a time skipped (the clocks go forward) is read
 * with the offset before the change, so it lands as far after the gap as it was into it.
 */
function instantOf(timeZone: string, wall: number): number {
  const before = zoneOffsetAt(timeZone, wall - DAY_MS);
  const after = zoneOffsetAt(timeZone, wall + DAY_MS);
  const valid = [wall - before, wall - after].filter((at) => zoneOffsetAt(timeZone, at) === wall - at);
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

/** The local civil day (days since 1970-01-01) the instant falls on in the zone. */
function localDayOf(timeZone: string, at: number): number {
  return Math.floor((at + zoneOffsetAt(timeZone, at)) / DAY_MS);
}

function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const AROUND_THE_CLOCK: SupportWindow[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: 0, end: 24 * 60 }));

/** The open intervals [start, end) of one local day, in order. */
function openingsOn(hours: SupportHours, day: number, holidays: Set<string>): [number, number][] {
  if (holidays.has(isoDateOf(day))) return [];
  const weekday = (((day + 4) % 7) + 7) % 7;
  const windows = (hours.windows.length > 0 ? hours.windows : AROUND_THE_CLOCK)
    .filter((window) => window.day === weekday)
    .sort((a, b) => a.start - b.start);
  const intervals: [number, number][] = [];
  for (const window of windows) {
    const start = instantOf(hours.timeZone, day * DAY_MS + window.start * MINUTE_MS);
    const end = instantOf(hours.timeZone, day * DAY_MS + window.end * MINUTE_MS);
    const last = intervals.at(-1);
    // Overlapping windows count once; a window swallowed by a clock change is empty.
    const from = last ? Math.max(start, last[1]) : start;
    if (end > from) intervals.push([from, end]);
  }
  return intervals;
}

/** The open intervals that end after `from`, in order, clipped to start no earlier than it. */
function* openingsFrom(hours: SupportHours, from: number): Generator<[number, number]> {
  const holidays = new Set(hours.holidays);
  const firstDay = localDayOf(hours.timeZone, from);
  for (let day = firstDay; day < firstDay + HORIZON_DAYS; day++) {
    for (const [start, end] of openingsOn(hours, day, holidays)) {
      if (end > from) yield [Math.max(start, from), end];
    }
  }
}

/** Whether support is open at this instant. */
export function isSupportOpen(hours: SupportHours, at: number): boolean {
  return nextSupportOpening(hours, at) === at;
}

/** The instant support is next open: `at` itself when open then; null when it never opens again. */
export function nextSupportOpening(hours: SupportHours, at: number): number | null {
  for (const [start] of openingsFrom(hours, at)) return start;
  return null;
}

/** The support time, in milliseconds, between two instants (0 when `to` is not after `from`). */
export function supportTimeBetween(hours: SupportHours, from: number, to: number): number {
  let total = 0;
  if (to <= from) return total;
  for (const [start, end] of openingsFrom(hours, from)) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
  }
  return total;
}

/**
 * The instant at which `supportMs` of support time will have passed since `from`; null when support never opens
 * for that long. Zero is `from` itself.
 */
export function supportDeadline(hours: SupportHours, from: number, supportMs: number): number | null {
  if (supportMs <= 0) return from;
  let left = supportMs;
  for (const [start, end] of openingsFrom(hours, from)) {
    if (end - start >= left) return start + left;
    left -= end - start;
  }
  return null;
}
