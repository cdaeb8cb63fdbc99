import { describe, expect, it } from 'vitest';
import { parseHolidayList } from '../../domain/holiday-list-text.ts';
import { formatSupportSchedule, parseSupportSchedule } from '../../domain/support-schedule-text.ts';

describe('support schedule text', () => {
  it('reads day ranges, lists and several windows a day, and writes them back', () => {
    const parsed = parseSupportSchedule('Mon-Fri 09:00-17:00; sat,sun 10:00-12:00, 13:30-24:00');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.windows).toHaveLength(5 + 4);
    expect(parsed.windows).toContainEqual({ day: 0, start: 13 * 60 + 30, end: 24 * 60 });
    expect(formatSupportSchedule(parsed.windows)).toBe(
      'mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; fri 09:00-17:00; sat 10:00-12:00, 13:30-24:00; sun 10:00-12:00, 13:30-24:00',
    );
  });

  it('wraps a range over the weekend and takes 24/7 as no windows', () => {
    const parsed = parseSupportSchedule('fri-mon 8:00-9:00');
    expect(parsed.ok && parsed.windows.map((window) => window.day)).toEqual([5, 6, 0, 1]);
    expect(parseSupportSchedule(' 24/7 ')).toEqual({ ok: true, windows: [] });
    expect(formatSupportSchedule([])).toBe('24/7');
  });

  it('names the part it cannot read', () => {
    expect(parseSupportSchedule('')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(parseSupportSchedule('weekdays 09:00-17:00')).toEqual({
      ok: false,
      problem: { code: 'bad_days', part: 'weekdays 09:00-17:00' },
    });
    expect(parseSupportSchedule('09:00-17:00')).toMatchObject({ ok: false, problem: { code: 'bad_days' } });
    expect(parseSupportSchedule('mon 17:00-09:00')).toMatchObject({ ok: false, problem: { code: 'bad_window' } });
    expect(parseSupportSchedule('mon 09:00-24:30')).toMatchObject({ ok: false, problem: { code: 'bad_window' } });
    expect(parseSupportSchedule('mon 9-17')).toMatchObject({ ok: false, problem: { code: 'bad_window' } });
  });

  it('reads holidays as real dates, sorted and once each', () => {
    expect(parseHolidayList('2026-12-25, 2026-12-24 2026-12-25')).toEqual({
      ok: true,
      dates: ['2026-12-24', '2026-12-25'],
    });
    expect(parseHolidayList('none')).toEqual({ ok: true, dates: [] });
    expect(parseHolidayList('2026-02-30')).toEqual({ ok: false, bad: '2026-02-30' });
    expect(parseHolidayList('24.12.2026')).toEqual({ ok: false, bad: '24.12.2026' });
  });
});
