/** Discord ids (snowflakes) exceed Number.MAX_SAFE_INTEGER, so they travel as decimal strings everywhere. */
/** How many decimal digits a Discord id has. */
export const DISCORD_ID_DIGITS = { min: 17, max: 20 } as const;
export const DISCORD_ID_PATTERN = new RegExp(`^\\d{${DISCORD_ID_DIGITS.min},${DISCORD_ID_DIGITS.max}}$`);

export function isDiscordId(value: unknown): value is string {
  return typeof value === 'string' && DISCORD_ID_PATTERN.test(value);
}

/** Orders Discord ids by age (older first): they are too large for a double, so compare them as BigInts. */
export function compareDiscordIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
