import { RESTEvents } from '@discordjs/rest';
import { Counter, type Registry } from 'prom-client';
import type { DiscordRestObserver } from './discord-rest.ts';

/**
 * Counts the web process's Discord REST responses by whose token made them (`bot`: the bot's guild list; `user`: a
 * signed-in user's guilds, roles and profile; `client`: the OAuth2 token exchange), method, bucket route (ids
 * replaced) and status, 429s among them: the panel's share of Discord's request budget.
 */
export function discordRequestMetrics(registry: Registry): DiscordRestObserver {
  const requests = new Counter({
    name: 'ticketflow_web_discord_requests_total',
    help: "The web process's Discord REST responses by caller, method, bucket route and HTTP status",
    labelNames: ['caller', 'method', 'route', 'status'] as const,
    registers: [registry],
  });
  return (rest, caller) => {
    rest.on(RESTEvents.Response, (request, response) =>
      requests.inc({
        caller,
        method: request.method.toUpperCase(),
        route: request.route,
        status: String(response.status),
      }),
    );
  };
}
