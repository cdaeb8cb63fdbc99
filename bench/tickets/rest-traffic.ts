import { performance } from 'node:perf_hooks';
import type { DiscordSandbox } from '../../sandbox/discord/index.ts';

/** A stretch of the local Discord's request log: what a phase of opens asked of Discord's REST API. */
export interface RestTraffic {
  /** Requests per route (`GET /guilds/:id/threads/active`), from the phase's start until its tickets were welcomed. */
  byRoute: Map<string, number>;
  /** The ticket worker's requests per second while the opens were timed (the bot's interaction answers excluded). */
  workerPerSecond: number;
}

/** Interaction answers: the bot's, and exempt from Discord's global request limit. Everything else is the worker's. */
export function isInteractionAnswer(route: string): boolean {
  return /^\w+ \/(interactions|webhooks)\//.test(route);
}

/** `POST /interactions/123…/tok/callback` → `POST /interactions/:id/:token/callback`. */
function routeOf(method: string, path: string): string {
  const template = decodeURIComponent(path)
    .replace(/\/\d{15,}/g, '/:id')
    .replace(/^\/(interactions|webhooks)\/:id\/[^/]+/, '/$1/:id/:token');
  return `${method} ${template}`;
}

/** Marks where a phase starts in the request log; `end` reads the phase's traffic. */
export function watchRestTraffic(discord: DiscordSandbox): {
  timed(startedAt: number, endedAt: number): void;
  end(): RestTraffic;
} {
  const log = discord.state.requestLog;
  const from = log.length;
  let window = { startedAt: 0, endedAt: 0 };
  return {
    timed(startedAt, endedAt) {
      window = { startedAt, endedAt };
    },
    end() {
      const byRoute = new Map<string, number>();
      let workerRequests = 0;
      for (const entry of log.slice(from)) {
        const route = routeOf(entry.method, entry.path);
        byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
        if (!isInteractionAnswer(route) && entry.at >= window.startedAt && entry.at <= window.endedAt) {
          workerRequests += 1;
        }
      }
      const seconds = (window.endedAt - window.startedAt) / 1000;
      return { byRoute, workerPerSecond: seconds > 0 ? workerRequests / seconds : 0 };
    },
  };
}

export interface ListingCost {
  route: string;
  items: number;
  kilobytes: number;
  /** Median of a few calls, on an otherwise idle system. */
  ms: number;
}

/** What one guild-wide listing an open makes costs the local Discord once the guild is full of tickets. */
export async function timeListing(discord: DiscordSandbox, route: string, path: string): Promise<ListingCost> {
  const samples: number[] = [];
  let body = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const begun = performance.now();
    const response = await fetch(`${discord.apiBaseUrl}${path}`, {
      headers: { Authorization: `Bot ${discord.bot.token}` },
    });
    body = await response.text();
    if (!response.ok) throw new Error(`${route} answered ${response.status}`);
    samples.push(performance.now() - begun);
  }
  const parsed: unknown = JSON.parse(body);
  const items = Array.isArray(parsed)
    ? parsed.length
    : ((parsed as { threads?: unknown[] }).threads?.length ?? Number.NaN);
  samples.sort((a, b) => a - b);
  return { route, items, kilobytes: Buffer.byteLength(body) / 1024, ms: samples[2] as number };
}
