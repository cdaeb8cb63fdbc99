/** Holidays as staff type them: `2026-12-24, 2026-12-25`, or `none`. */
export type ParsedHolidays = { ok: true; dates: string[] } | { ok: false; bad: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseHolidayList(text: string): ParsedHolidays {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'none' || trimmed === '') return { ok: true, dates: [] };
  const dates = new Set<string>();
  for (const item of trimmed.split(/[\s,;]+/).filter((part) => part !== '')) {
    const real = DATE.test(item) && new Date(`${item}T00:00:00Z`).toISOString().startsWith(item);
    if (!real) return { ok: false, bad: item };
    dates.add(item);
  }
  return { ok: true, dates: [...dates].sort() };
}
