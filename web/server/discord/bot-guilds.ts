import type { RESTGetAPICurrentUserGuildsResult } from 'discord-api-types/v10';
import { Routes } from 'discord-api-types/v10';
import { type DiscordRestObserver, discordRest } from './discord-rest.ts';

/** Discord's largest page of `GET /users/@me/guilds`. */
const PAGE_SIZE = 200;

export interface BotGuildsOptions {
  token: string;
  apiBaseUrl: string;
  /** How long one read of the list serves every user; a guild the bot joined or left shows after at most this long. */
  maxAgeMs: number;
  now?: () => number;
  observe?: DiscordRestObserver;
}

/** The ids of the guilds the bot is in. */
export interface BotGuilds {
  guildIds(): Promise<ReadonlySet<string>>;
}

/**
 * The bot's guild list from Discord's REST API, read once per `maxAgeMs` for the whole process whoever asks: one
 * request per 200 guilds (a read in flight is shared, never repeated). A failed read is not kept.
 */
export function createBotGuilds(options: BotGuildsOptions): BotGuilds {
  const rest = discordRest(options.apiBaseUrl, { prefix: 'Bot', token: options.token });
  options.observe?.(rest, 'bot');
  const now = options.now ?? Date.now;
  let cached: { readAt: number; ids: Promise<ReadonlySet<string>> } | null = null;

  async function readAll(): Promise<ReadonlySet<string>> {
    const ids = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(after ? { after } : {}) });
      const page = (await rest.get(Routes.userGuilds(), { query })) as RESTGetAPICurrentUserGuildsResult;
      for (const guild of page) ids.add(guild.id);
      if (page.length < PAGE_SIZE) return ids;
      after = page.at(-1)?.id;
    }
  }

  return {
    guildIds() {
      if (cached && now() - cached.readAt < options.maxAgeMs) return cached.ids;
      const read = { readAt: now(), ids: readAll() };
      cached = read;
      read.ids.catch(() => {
        if (cached === read) cached = null;
      });
      return read.ids;
    },
  };
}
