/** Largest unit first; the first one the difference reaches is used. */
const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** A difference in ms as Discord words it relatively: in the largest unit it reaches, truncated. */
export function relativeAmount(difference: number): [Intl.RelativeTimeFormatUnit, number] {
  const magnitude = Math.abs(difference);
  const [unit, size] = RELATIVE_UNITS.find(([, length]) => magnitude >= length) ?? ['second', 1000];
  return [unit, Math.trunc(difference / size)];
}
