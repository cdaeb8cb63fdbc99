import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  canonicalTimeZone,
  isSupportOpen,
  nextSupportOpening,
  type SupportHours,
  supportDeadline,
  supportTimeBetween,
} from '../../domain/support-hours.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const weekdays = (start: number, end: number) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

/** Mon–Fri 09:00–17:00 in Berlin: 2026-03-27 is a Friday, and the clocks go forward on Sunday 2026-03-29. */
const berlinOffice: SupportHours = { timeZone: 'Europe/Berlin', windows: weekdays(9 * 60, 17 * 60), holidays: [] };

describe('support hours', () => {
  it('counts only the hours inside the windows, across a weekend', () => {
    // Friday 16:00 CET (15:00Z) to Monday 10:00 CEST (08:00Z): one hour on Friday, one on Monday.
    expect(supportTimeBetween(berlinOffice, at('2026-03-27T15:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(2 * HOUR);
    expect(supportTimeBetween(berlinOffice, at('2026-03-28T10:00:00Z'), at('2026-03-29T20:00:00Z'))).toBe(0);
    expect(supportTimeBetween(berlinOffice, at('2026-03-30T08:00:00Z'), at('2026-03-30T07:00:00Z'))).toBe(0);
  });

  it('finds the deadline after a weekend and across the spring clock change', () => {
    // 4 support hours from Friday 15:00 CET: 2 on Friday, then 2 from Monday 09:00 CEST (07:00Z).
    expect(supportDeadline(berlinOffice, at('2026-03-27T14:00:00Z'), 4 * HOUR)).toBe(at('2026-03-30T09:00:00Z'));
    expect(supportDeadline(berlinOffice, at('2026-03-27T14:00:00Z'), 0)).toBe(at('2026-03-27T14:00:00Z'));
    // Exactly the rest of Friday ends at closing time, not at Monday's opening.
    expect(supportDeadline(berlinOffice, at('2026-03-27T14:00:00Z'), 2 * HOUR)).toBe(at('2026-03-27T16:00:00Z'));
  });

  it('follows the autumn clock change: a window on the long day is still its wall-clock length', () => {
    const sundays: SupportHours = {
      timeZone: 'Europe/Berlin',
      windows: [{ day: 0, start: 0, end: 6 * 60 }],
      holidays: [],
    };
    // 2026-10-25: 00:00 CEST (22:00Z the day before) to 06:00 CET (05:00Z) is seven real hours.
    expect(supportTimeBetween(sundays, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(7 * HOUR);
    // And spring's short Sunday: 00:00 CET (23:00Z) to 06:00 CEST (04:00Z) is five.
    expect(supportTimeBetween(sundays, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(5 * HOUR);
  });

  it('reads a window that starts inside the skipped hour as starting after it', () => {
    const early: SupportHours = {
      timeZone: 'America/New_York',
      windows: [{ day: 0, start: 2 * 60 + 30, end: 4 * 60 }],
      holidays: [],
    };
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist and is read as 03:30 EDT (07:30Z).
    expect(nextSupportOpening(early, at('2026-03-08T00:00:00Z'))).toBe(at('2026-03-08T07:30:00Z'));
    expect(supportTimeBetween(early, at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(30 * MINUTE);
  });

  it('skips holidays, which are dates in the zone', () => {
    const withHolidays: SupportHours = { ...berlinOffice, holidays: ['2026-12-24', '2026-12-25'] };
    // Wednesday 2026-12-23 16:30 CET: half an hour left, then Thursday and Friday are holidays, then the weekend.
    const from = at('2026-12-23T15:30:00Z');
    expect(supportDeadline(withHolidays, from, HOUR)).toBe(at('2026-12-28T08:30:00Z'));
    expect(nextSupportOpening(withHolidays, at('2026-12-23T17:00:00Z'))).toBe(at('2026-12-28T08:00:00Z'));
    expect(supportTimeBetween(withHolidays, from, at('2026-12-28T09:00:00Z'))).toBe(HOUR + 30 * MINUTE);
  });

  it('takes several windows a day, overlapping ones counting once', () => {
    const split: SupportHours = {
      timeZone: 'Asia/Tokyo',
      windows: [
        { day: 1, start: 13 * 60, end: 18 * 60 },
        { day: 1, start: 9 * 60, end: 12 * 60 },
        { day: 1, start: 17 * 60, end: 19 * 60 },
      ],
      holidays: [],
    };
    // Monday 2026-06-01 in Tokyo (UTC+9): 09–12 and 13–19 local, 9 hours.
    expect(supportTimeBetween(split, at('2026-05-31T15:00:00Z'), at('2026-06-01T15:00:00Z'))).toBe(9 * HOUR);
    expect(isSupportOpen(split, at('2026-06-01T03:30:00Z'))).toBe(false);
    expect(nextSupportOpening(split, at('2026-06-01T03:30:00Z'))).toBe(at('2026-06-01T04:00:00Z'));
    expect(supportDeadline(split, at('2026-06-01T00:00:00Z'), 4 * HOUR)).toBe(at('2026-06-01T05:00:00Z'));
  });

  it('is open around the clock without windows, except on holidays', () => {
    expect(isSupportOpen(ALWAYS_OPEN, at('2026-01-03T03:00:00Z'))).toBe(true);
    expect(supportTimeBetween(ALWAYS_OPEN, at('2026-01-01T00:00:00Z'), at('2026-01-08T00:00:00Z'))).toBe(168 * HOUR);
    const newYear: SupportHours = { timeZone: 'Pacific/Auckland', windows: [], holidays: ['2026-01-01'] };
    // New Year's Day in Auckland (UTC+13) is 2025-12-31T11:00Z to 2026-01-01T11:00Z.
    expect(nextSupportOpening(newYear, at('2025-12-31T12:00:00Z'))).toBe(at('2026-01-01T11:00:00Z'));
    expect(supportDeadline(newYear, at('2025-12-31T10:00:00Z'), 2 * HOUR)).toBe(at('2026-01-01T12:00:00Z'));
  });

  it('says never when no day ever opens', () => {
    const mondaysOff: SupportHours = {
      timeZone: 'UTC',
      windows: [{ day: 1, start: 0, end: 60 }],
      holidays: Array.from({ length: 100 }, (_, week) =>
        new Date(at('2026-01-05T00:00:00Z') + week * 7 * 24 * HOUR).toISOString().slice(0, 10),
      ),
    };
    expect(nextSupportOpening(mondaysOff, at('2026-01-01T00:00:00Z'))).toBe(at('2027-12-06T00:00:00Z'));
    const closed: SupportHours = { ...mondaysOff, windows: [{ day: 1, start: 0, end: 0 }] };
    expect(nextSupportOpening(closed, at('2026-01-01T00:00:00Z'))).toBeNull();
    expect(supportDeadline(closed, at('2026-01-01T00:00:00Z'), HOUR)).toBeNull();
  });

  it('agrees with itself: the time up to a deadline is what was asked for', () => {
    const zones = ['Europe/Berlin', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    for (const timeZone of zones) {
      const hours: SupportHours = {
        timeZone,
        windows: [...weekdays(8 * 60, 12 * 60), { day: 6, start: 600, end: 1440 }],
        holidays: ['2026-04-03'],
      };
      for (let step = 0; step < 40; step++) {
        const from = at('2026-03-20T00:00:00Z') + step * 7 * HOUR + step * 13 * MINUTE;
        const asked = (step % 9) * 47 * MINUTE + MINUTE;
        const deadline = supportDeadline(hours, from, asked) as number;
        expect(supportTimeBetween(hours, from, deadline)).toBe(asked);
        expect(supportTimeBetween(hours, from, deadline - MINUTE)).toBeLessThan(asked);
      }
    }
  });

  it('knows time zones by their Intl names and refuses unknown ones', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone(' UTC ')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});
