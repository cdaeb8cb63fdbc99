import { action, query, redirect, reload } from '@solidjs/router';
import { getRequestEvent, isServer } from 'solid-js/web';
import { apiRequest } from './api-request.ts';

/**
 * The panel's data: each query and action is one call to the web API, shared by server rendering and the browser
 * (see api-request.ts). Pages read them with createAsync; the router caches a query's answer per key for the page it
 * renders and revalidates it after an action. Expected outcomes (signed out, not found) are values or redirects;
 * anything else throws an ApiError that the nearest error boundary shows.
 */

/** `operator`: one of the service's operators (ADMIN_USER_IDS), who may open the admin pages. */
export type User = { id: string; username: string; displayName: string; avatarUrl: string | null; operator: boolean };
export type Access = 'admin' | 'staff' | 'member';
export type GuildSummary = { id: string; name: string; iconUrl: string | null; access: Exclude<Access, 'member'> };
export type Guild = { id: string; name: string; iconUrl: string | null; access: Access };
export type Session = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
};
export type ApiProblem = { path: string; message: string };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message);
    // The page's hydration data carries errors thrown while rendering to the browser: no server file paths in it.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The landing page, asked to come back to `next` after signing in. */
export function signInPagePath(next: string): string {
  return next === '/' ? '/' : `/?${new URLSearchParams({ next })}`;
}

function currentPath(): string {
  if (isServer) {
    const url = new URL(getRequestEvent()?.request.url ?? '/', 'http://panel');
    return url.pathname + url.search;
  }
  return window.location.pathname + window.location.search;
}

export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string; message?: string; problems?: ApiProblem[] } }
    | undefined;
  const error = body?.error;
  return new ApiError(
    response.status,
    error?.code ?? 'unexpected_response',
    error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
    error?.problems,
  );
}

/** The JSON of a successful answer; signed out goes to the landing page, a missing resource is null. */
export async function readJson<T>(path: string): Promise<T | null> {
  const response = await apiRequest(path);
  if (response.status === 401) {
    throw redirect(signInPagePath(currentPath()));
  }
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  return (await response.json()) as T;
}

export async function send(path: string, method: 'POST' | 'DELETE', body?: unknown): Promise<Response> {
  const response = await apiRequest(path, { method, body });
  if (response.status === 401) {
    throw redirect(signInPagePath(currentPath()));
  }
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  return response;
}

/** The signed-in user, or null when nobody is signed in (the landing page and the header ask without redirecting). */
export const getMe = query(async (): Promise<User | null> => {
  const response = await apiRequest('/api/v1/me');
  if (response.status === 401) {
    return null;
  }
  if (!response.ok) {
    throw await apiErrorOf(response);
  }
  return ((await response.json()) as { user: User }).user;
}, 'me');

export const getGuilds = query(async (): Promise<GuildSummary[]> => {
  const body = await readJson<{ guilds: GuildSummary[] }>('/api/v1/guilds');
  return body?.guilds ?? [];
}, 'guilds');

/** The guild as the viewer may see it, or null when it does not exist for them (the API answers 404 alike). */
export const getGuild = query(async (guildId: string): Promise<Guild | null> => {
  const body = await readJson<{ guild: Guild }>(`/api/v1/guilds/${encodeURIComponent(guildId)}`);
  return body?.guild ?? null;
}, 'guild');

export const getSessions = query(async (): Promise<Session[]> => {
  const body = await readJson<{ sessions: Session[] }>('/api/v1/sessions');
  return body?.sessions ?? [];
}, 'sessions');

export const signOut = action(async () => {
  await send('/auth/logout', 'POST');
  throw redirect('/');
}, 'signOut');

export const revokeSession = action(async (sessionId: string) => {
  await send(`/api/v1/sessions/${encodeURIComponent(sessionId)}`, 'DELETE');
  return reload({ revalidate: getSessions.key });
}, 'revokeSession');
