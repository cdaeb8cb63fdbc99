import type { z } from 'zod';
import type { BearerGrant } from '../oauth/oauth-store.ts';
import { compilePath } from '../path-pattern.ts';
import type { DiscordState } from '../state/discord-state.ts';

export interface RouteRequest {
  state: DiscordState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /**
   * The body checked against the route's own schema first (so each error has Discord's code, wording and path),
   * then against Discord's OpenAPI description as a backstop; a failure is Discord's 400 Invalid Form Body.
   * `value` is what the schema checks when it is not the body itself (PATCH command checks the merged command).
   */
  parseBody<Schema extends z.ZodType>(schema: Schema, value?: unknown): z.output<Schema>;
  /** The authenticated bot's user id; '' on routes whose `auth` is not 'bot'. */
  botUserId: string;
  /** On 'bearer' routes, the OAuth2 grant the access token stands for; null elsewhere. */
  bearer: BearerGrant | null;
  /** The Authorization header as sent (OAuth2 token requests may carry HTTP Basic client credentials). */
  authorization: string | null;
  auditLogReason: string | null;
  /** The sandbox's own origin, e.g. `http://127.0.0.1:4242`, for answers that carry URLs. */
  origin: string;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api/v10`, with `:name` segments, e.g. `/channels/:channelId/messages`. */
  path: string;
  /**
   * Who may call it: 'bot' (the default) wants `Authorization: Bot <token>`; 'none' is for routes Discord
   * authenticates by a token in the path (interaction callbacks, webhooks); 'bearer' wants an OAuth2 access
   * token (`Authorization: Bearer <token>`).
   */
  auth?: 'bot' | 'none' | 'bearer';
  handle(request: RouteRequest): RouteResponse;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export class Router {
  #routes: { route: Route; match: (path: string) => Record<string, string> | null }[] = [];

  add(routes: Route[]): this {
    for (const route of routes) this.#routes.push({ route, match: compilePath(route.path) });
    return this;
  }

  /** Every route, in the order they were added. */
  get routes(): Route[] {
    return this.#routes.map(({ route }) => route);
  }

  /**
   * The route for this request; `'method-not-allowed'` when the path exists under another method. When one path
   * serves both a bot and an OAuth2 user (GET /users/@me), the route for the caller's kind of token wins.
   */
  find(method: string, path: string, caller: 'bot' | 'bearer' = 'bot'): RouteMatch | 'method-not-allowed' | null {
    let pathExists = false;
    let first: RouteMatch | null = null;
    for (const { route, match } of this.#routes) {
      const params = match(path);
      if (!params) continue;
      if (route.method !== method) {
        pathExists = true;
        continue;
      }
      if ((route.auth ?? 'bot') === caller) return { route, params };
      first ??= { route, params };
    }
    return first ?? (pathExists ? 'method-not-allowed' : null);
  }
}
