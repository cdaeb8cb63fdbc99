import type { WindowLimit } from './fixed-windows.ts';

/** A per-route limit; routes naming the same bucket share one count (and one X-RateLimit-Bucket). */
export interface RouteLimit extends WindowLimit {
  bucket: string;
}

/** Every limit the sandbox enforces; `createDiscordSandbox({ rateLimits })` replaces parts of it. */
export interface RateLimitPolicy {
  /** Per bot token (per IP without one), across routes, interaction endpoints excepted. */
  global: WindowLimit;
  /** Per route key (`METHOD /path/:param`), per token and major parameter. */
  routes: Record<string, RouteLimit>;
  /** Routes the table does not name: each its own bucket. */
  otherRoutes: WindowLimit;
  /** 401, 403 and 429 answers per client IP; past the limit the IP is refused for `banMs`. */
  invalidRequests: WindowLimit & { banMs: number };
}

const messageWrites: RouteLimit = { bucket: 'channel-message-writes', limit: 5, windowMs: 5_000 };

/**
 * Discord's limits, as far as they are known. What is documented (discord-api-docs
 * `developers/topics/rate-limits.mdx`):
 * - the global limit: "All bots can make up to 50 requests per second", keyed by the request's authentication
 *   (the bot token; the IP without one); "Interaction endpoints are not bound to the bot's Global Rate Limit",
 *   which `developers/interactions/receiving-and-responding.mdx` applies to the callback and to the
 *   interaction-token webhooks;
 * - the invalid-request limit: 10,000 responses with 401, 403 or 429 (not 429s of scope `shared`) per 10 minutes
 *   per IP, then a temporary ban;
 * - per-route limits exist, keyed by bucket and major parameter (channel, guild, webhook id + token), but their
 *   numbers are deliberately undocumented ("should not be hard coded").
 *
 * What is community-reported, and chosen here:
 * - creating a message: 5 per 5 seconds per channel (X-RateLimit-Limit 5 with about 5 s to reset, e.g.
 *   alexemanuelol/rustplusplus#475 in 2025, discord-relay-chat/drc#17); editing shares that bucket
 *   (discord/discord-api-docs#20, a Discord staff note of 2016 naming creation and editing; #981 of 2019
 *   observing POST and PATCH messages under one bucket hash);
 * - the ban lasts about an hour (discord/discord-api-docs#5385) and its 429 carries no rate-limit headers
 *   (#5810, answered by Discord staff: the body is static, served by Cloudflare).
 * Every other route keeps 50 per second per bucket and major parameter: not modelled, so the global limit is
 * what binds there.
 */
export const DISCORD_RATE_LIMITS: RateLimitPolicy = {
  global: { limit: 50, windowMs: 1_000 },
  routes: {
    'POST /channels/:channelId/messages': messageWrites,
    'PATCH /channels/:channelId/messages/:messageId': messageWrites,
  },
  otherRoutes: { limit: 50, windowMs: 1_000 },
  invalidRequests: { limit: 10_000, windowMs: 10 * 60_000, banMs: 60 * 60_000 },
};
