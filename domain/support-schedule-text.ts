import type { SupportWindow } from './support-hours.ts';

/**
 * Support hours as staff type them in a command: `mon-fri 09:00-17:00; sat 10:00-12:00, 13:00-15:00`, or `24/7`.
 * Days are English three-letter names (as in a schedule's shorthand everywhere), ranges may wrap (`fri-mon`).
 */

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const AROUND_THE_CLOCK = new Set(['24/7', 'always']);
const TIME = /^([01]?\d|2[0-4]):([0-5]\d)$/;

export type ScheduleProblem =
  /** `part` names no days before its times. */
  | { code: 'bad_days'; part: string }
  /** `part` has a time range that is not `HH:MM-HH:MM`, ending after it starts, within the day. */
  | { code: 'bad_window'; part: string }
  | { code: 'empty' };

export type ParsedSchedule = { ok: true; windows: SupportWindow[] } | { ok: false; problem: ScheduleProblem };

export function parseSupportSchedule(text: string): ParsedSchedule {
  const trimmed = text.trim().toLowerCase();
  if (AROUND_THE_CLOCK.has(trimmed)) return { ok: true, windows: [] };
  const parts = trimmed
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, problem: { code: 'empty' } };
  const windows: SupportWindow[] = [];
  for (const part of parts) {
    const space = part.search(/\s/);
    const days = space < 0 ? null : daysOf(part.slice(0, space));
    if (days === null) return { ok: false, problem: { code: 'bad_days', part } };
    for (const range of part.slice(space).split(',')) {
      const minutes = windowOf(range.trim());
      if (minutes === null) return { ok: false, problem: { code: 'bad_window', part } };
      for (const day of days) windows.push({ day, ...minutes });
    }
  }
  return { ok: true, windows };
}

/** `mon`, `mon-fri`, `sat,sun`: the weekdays named, 0 = Sunday. */
function daysOf(text: string): number[] | null {
  const days = new Set<number>();
  for (const item of text.split(',')) {
    const [first, last, ...rest] = item.split('-').map((name) => DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]));
    if (first === undefined || first < 0 || rest.length > 0 || (last !== undefined && last < 0)) return null;
    const end = last ?? first;
    for (let day = first; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === end) break;
    }
  }
  return [...days];
}

function windowOf(text: string): { start: number; end: number } | null {
  const [from, to, ...rest] = text.split('-').map((time) => TIME.exec(time.trim()));
  if (!from || !to || rest.length > 0) return null;
  const start = Number(from[1]) * 60 + Number(from[2]);
  const end = Number(to[1]) * 60 + Number(to[2]);
  return start < end && end <= 24 * 60 ? { start, end } : null;
}

/** The windows in the same shorthand, a day per part (`24/7` for none), for answers and the settings view. */
export function formatSupportSchedule(windows: readonly SupportWindow[]): string {
  if (windows.length === 0) return '24/7';
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  // Monday first, as staff schedules are read.
  return [1, 2, 3, 4, 5, 6, 0]
    .map((day) => {
      const ranges = windows
        .filter((window) => window.day === day)
        .sort((a, b) => a.start - b.start)
        .map((window) => `${clock(window.start)}-${clock(window.end)}`);
      return ranges.length > 0 ? `${DAY_NAMES[day]} ${ranges.join(', ')}` : null;
    })
    .filter((part) => part !== null)
    .join('; ');
}
