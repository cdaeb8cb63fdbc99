/** Discord ids (snowflakes) exceed Number.MAX_SAFE_INTEGER, so they travel as decimal strings everywhere. */
export const DISCORD_ID_PATTERN = /^\d{17,20}$/;

export function isDiscordId(value: unknown): value is string {
  return typeof value === 'string' && DISCORD_ID_PATTERN.test(value);
}
