/** Discord ids (snowflakes) exceed Number.MAX_SAFE_INTEGER, so they travel as decimal strings everywhere. */
export const DISCORD_ID_PATTERN = /^\d{17,20}$/;

export function isDiscordId(value: unknown): value is string {
  return typeof value === 'string' && DISCORD_ID_PATTERN.test(value);
}

/** Orders Discord ids by age (older first): they are too large for a double, so compare them as BigInts. */
export function compareDiscordIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
