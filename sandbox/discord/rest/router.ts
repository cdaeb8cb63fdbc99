import { compilePath } from '../path-pattern.ts';
import type { DiscordState } from '../state/discord-state.ts';

export interface RouteRequest {
  state: DiscordState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The authenticated bot's user id; '' on routes whose `auth` is 'none'. */
  botUserId: string;
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
   * authenticates by a token in the path (interaction callbacks, webhooks).
   */
  auth?: 'bot' | 'none';
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

  /** The route for this request; `'method-not-allowed'` when the path exists under another method. */
  find(method: string, path: string): RouteMatch | 'method-not-allowed' | null {
    let pathExists = false;
    for (const { route, match } of this.#routes) {
      const params = match(path);
      if (!params) continue;
      if (route.method === method) return { route, params };
      pathExists = true;
    }
    return pathExists ? 'method-not-allowed' : null;
  }
}
