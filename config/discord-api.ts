/**
 * The Discord REST root without its version, as @discordjs/rest (and discord.js through it) wants it: they
 * append `/v10` themselves. DISCORD_API_BASE_URL may be given with or without the version, for the bot and the
 * worker alike.
 */
export function discordApiRoot(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const version = /\/v(\d+)$/.exec(path);
  if (version && version[1] !== '10') throw new Error(`Ticketflow speaks Discord API v10, not ${apiBaseUrl}`);
  url.pathname = version ? path.slice(0, -version[0].length) : path;
  return url.toString().replace(/\/+$/, '');
}
