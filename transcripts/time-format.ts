import { zoneOffsetAt } from '../domain/time-zone-offset.ts';

/**
 * Dates as Discord shows them in English, computed when the transcript is rendered. A static file cannot
 * use the reader's clock, so times are shown in one named time zone (UTC unless configured) and `<t:N:R>`
 * is relative to the ticket's close, which keeps the output deterministic. Formatting is done by hand
 * (Intl's formatters cost microseconds a call, the largest share of rendering); Intl supplies only the
 * zone's UTC offset, once per quarter hour of time, and the wording of relative times.
 */

export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

export interface TimeFormatter {
  /** The zone shown next to times, e.g. `UTC`. */
  readonly zone: string;
  /** A `<t:N:style>` tag; `R` is relative to the transcript's reference time. */
  style(ms: number, style: TimestampStyle): string;
  /** Date and time of a message group's first message, e.g. `11/28/2026 4:20 PM`. */
  messageStamp(ms: number): string;
  /** Time only, for the later messages of a group. */
  shortTime(ms: number): string;
  /** Full date for titles, e.g. `Saturday, November 28, 2026 at 4:20:05 PM UTC`. */
  full(ms: number): string;
}

export interface TimeFormatOptions {
  /** IANA zone; UTC by default. */
  timeZone?: string;
  /** What `R` is relative to, in epoch ms: the ticket's close. */
  relativeTo: number;
}

/** Epoch ms Discord timestamps may carry (ECMAScript's Date range). */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Largest unit first; the first one the difference reaches is used. */
const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const QUARTER_HOUR = 900_000;

/** ISO 8601 for `datetime` attributes, without milliseconds when they are zero. */
export function isoSeconds(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, -5)}Z` : iso;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

// Intl objects take tens of microseconds to build, as long as a short transcript takes to render: share them.
let relativeFormat: Intl.RelativeTimeFormat | undefined;
/** The zone's offset from UTC at a moment; zones change offset on quarter hours at the finest. */
function offsetFinder(timeZone: string): (ms: number) => number {
  if (timeZone === 'UTC') return () => 0;
  let lastQuarter = Number.NaN;
  let lastOffset = 0;
  return (ms) => {
    const quarter = Math.floor(ms / QUARTER_HOUR);
    if (quarter !== lastQuarter) {
      const at = quarter * QUARTER_HOUR;
      lastQuarter = quarter;
      lastOffset = zoneOffsetAt(timeZone, at);
    }
    return lastOffset;
  };
}

export function createTimeFormatter(options: TimeFormatOptions): TimeFormatter {
  const zone = options.timeZone ?? 'UTC';
  const offsetAt = offsetFinder(zone);

  const local = (ms: number) => new Date(ms + offsetAt(ms));
  const time = (date: Date, seconds: boolean) => {
    const hours = date.getUTCHours();
    const clock = `${hours % 12 || 12}:${pad2(date.getUTCMinutes())}${seconds ? `:${pad2(date.getUTCSeconds())}` : ''}`;
    return `${clock} ${hours < 12 ? 'AM' : 'PM'}`;
  };
  const numericDate = (date: Date) =>
    `${pad2(date.getUTCMonth() + 1)}/${pad2(date.getUTCDate())}/${date.getUTCFullYear()}`;
  const longDate = (date: Date) => `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  const fullDate = (date: Date) => `${WEEKDAYS[date.getUTCDay()]}, ${longDate(date)}`;

  // Messages arrive in time order, often several to a minute: remember the last minute's strings.
  let stampMinute = Number.NaN;
  let stampText = '';
  let shortText = '';
  const fillMinute = (ms: number) => {
    const minute = Math.floor(ms / 60_000);
    if (minute !== stampMinute) {
      const date = local(ms);
      stampMinute = minute;
      shortText = time(date, false);
      stampText = `${numericDate(date)} ${shortText}`;
    }
  };

  return {
    zone,
    style(ms, style) {
      const date = local(ms);
      switch (style) {
        case 't':
          return time(date, false);
        case 'T':
          return time(date, true);
        case 'd':
          return numericDate(date);
        case 'D':
          return longDate(date);
        case 'f':
          return `${longDate(date)} at ${time(date, false)}`;
        case 'F':
          return `${fullDate(date)} at ${time(date, false)}`;
        case 'R': {
          const difference = ms - options.relativeTo;
          const magnitude = Math.abs(difference);
          const [unit, size] = RELATIVE_UNITS.find(([, length]) => magnitude >= length) ?? ['second', 1000];
          relativeFormat ??= new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
          return relativeFormat.format(Math.trunc(difference / size), unit);
        }
      }
    },
    messageStamp(ms) {
      fillMinute(ms);
      return stampText;
    },
    shortTime(ms) {
      fillMinute(ms);
      return shortText;
    },
    full(ms) {
      const date = local(ms);
      return `${fullDate(date)} at ${time(date, true)} ${zone}`;
    },
  };
}
