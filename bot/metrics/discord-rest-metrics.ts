import { RESTEvents } from 'discord.js';
import { Counter, type Registry } from 'prom-client';

/** What the bot's REST client emits (discord.js's REST, also the one behind `client.rest`). */
interface ObservableRest {
  on(
    event: RESTEvents.Response,
    listener: (request: { method: string; route: string }, response: { status: number }) => void,
  ): unknown;
  on(event: RESTEvents.RateLimited, listener: (limit: { route: string; global: boolean }) => void): unknown;
}

/**
 * Counts Discord REST responses by method, bucket route and status (429s among them), and the times a request
 * waited for a rate limit. Routes are discord.js's bucket routes: ids and tokens already replaced.
 */
export function observeDiscordRest(rest: ObservableRest, registry: Registry): void {
  const requests = new Counter({
    name: 'ticketflow_bot_discord_requests_total',
    help: 'Discord REST responses by method, bucket route and HTTP status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'ticketflow_bot_discord_rate_limited_total',
    help: "Times a Discord REST request waited for a rate limit, by bucket route and whether it was the bot's global one",
    labelNames: ['route', 'global'] as const,
    registers: [registry],
  });
  rest.on(RESTEvents.Response, (request, response) =>
    requests.inc({ method: request.method.toUpperCase(), route: request.route, status: String(response.status) }),
  );
  rest.on(RESTEvents.RateLimited, (limit) => rateLimited.inc({ route: limit.route, global: String(limit.global) }));
}
