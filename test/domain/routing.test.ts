import { describe, expect, it } from 'vitest';
import {
  availableStaff,
  formatWorkingHours,
  isTimeZone,
  leastLoaded,
  nextInTurn,
  parseWorkingHours,
  withinHours,
} from '../../domain/routing.ts';

describe('routing rules', () => {
  it('reads working hours, wrapping past midnight, and refuses what is no range', () => {
    expect(parseWorkingHours('9:00-17:30', 'Europe/Berlin')).toEqual({
      startMinute: 540,
      endMinute: 1050,
      timeZone: 'Europe/Berlin',
    });
    expect(parseWorkingHours('22:00-06:00', 'UTC')).toMatchObject({ startMinute: 1320, endMinute: 360 });
    expect(parseWorkingHours('00:00-24:00', 'UTC')).toMatchObject({ startMinute: 0, endMinute: 1440 });
    for (const bad of ['9-17', '09:00-09:00', '25:00-26:00', '09:00 to 17:00', '']) {
      expect(parseWorkingHours(bad, 'UTC'), bad).toBeNull();
    }
    expect(formatWorkingHours({ startMinute: 540, endMinute: 1050 })).toBe('09:00-17:30');
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('takes the hours in the member’s own time zone, daylight saving included', () => {
    const hours = { startMinute: 9 * 60, endMinute: 17 * 60, timeZone: 'America/New_York' };
    // 13:30 UTC is 08:30 in New York in January (UTC-5) but 09:30 in July (UTC-4).
    expect(withinHours(hours, Date.UTC(2026, 0, 5, 13, 30))).toBe(false);
    expect(withinHours(hours, Date.UTC(2026, 6, 6, 13, 30))).toBe(true);
    const night = { startMinute: 22 * 60, endMinute: 6 * 60, timeZone: 'UTC' };
    expect(withinHours(night, Date.UTC(2026, 0, 5, 23))).toBe(true);
    expect(withinHours(night, Date.UTC(2026, 0, 5, 5, 59))).toBe(true);
    expect(withinHours(night, Date.UTC(2026, 0, 5, 6))).toBe(false);
    expect(withinHours(null, Date.UTC(2026, 0, 5, 3))).toBe(true);
  });

  it('offers staff of the ticket’s roles who are not away and within their hours, in id order', () => {
    const at = Date.UTC(2026, 0, 5, 12);
    const roster = [
      { userId: '20', roleIds: ['staff'], away: false, hours: null },
      { userId: '3', roleIds: ['mods', 'staff'], away: false, hours: null },
      { userId: '4', roleIds: ['staff'], away: true, hours: null },
      { userId: '5', roleIds: ['staff'], away: false, hours: { startMinute: 0, endMinute: 60, timeZone: 'UTC' } },
      { userId: '6', roleIds: ['regulars'], away: false, hours: null },
    ];
    expect(availableStaff(roster, ['staff'], at)).toEqual(['3', '20']);
  });

  it('goes in turn after the last one chosen, and to the least loaded with ties in turn', () => {
    expect(nextInTurn(['3', '20', '100'], null)).toBe('3');
    expect(nextInTurn(['3', '20', '100'], '20')).toBe('100');
    expect(nextInTurn(['3', '20', '100'], '100')).toBe('3');
    expect(nextInTurn(['3', '100'], '20')).toBe('100');
    expect(nextInTurn([], '20')).toBeNull();
    const loads = new Map([
      ['3', 2],
      ['20', 1],
    ]);
    expect(leastLoaded(['3', '20', '100'], loads, null)).toBe('100');
    expect(leastLoaded(['3', '20'], loads, null)).toBe('20');
    expect(leastLoaded(['3', '20'], new Map(), '3')).toBe('20');
    expect(leastLoaded([], loads, null)).toBeNull();
  });
});
