import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DiscordState } from '../state/discord-state.ts';
import { type OAuthStore, SUPPORTED_SCOPES } from './oauth-store.ts';

/** The browser side of the code flow, at `/oauth2/authorize` (outside `/api`, as on discord.com). */
export const AUTHORIZE_PATH = '/oauth2/authorize';

/**
 * Consents without a person: as `?login_as=<user id>`, or as the user the driver chose with `oauth.nextLogin`,
 * or refuses on `?decision=deny` / `nextLogin('deny')`; otherwise shows a small page to pick a user. Consent
 * redirects to redirect_uri with `code` and `state`; refusal with `error=access_denied`. A request that names an
 * unknown client or an unregistered redirect_uri gets a 400 page and no redirect, as OAuth2 requires.
 */
export function answerAuthorize(
  request: IncomingMessage,
  response: ServerResponse,
  world: { state: DiscordState; oauth: OAuthStore },
): void {
  const answer = decide(request, world);
  response.writeHead(answer.status, answer.headers).end(answer.body);
}

interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

function decide(request: IncomingMessage, world: { state: DiscordState; oauth: OAuthStore }): PageAnswer {
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const query = url.searchParams;
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const bot = world.state.botByUserId(clientId);
  if (!bot || bot.applicationId !== clientId) return page(400, 'Unknown client_id.');
  if (!world.oauth.isRegisteredRedirectUri(redirectUri))
    return page(400, 'redirect_uri is not registered for this application.');

  const redirect = (params: Record<string, string>) => {
    const target = new URL(redirectUri);
    for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, headers: { Location: target.toString() } };
  };
  if (query.get('response_type') !== 'code')
    return redirect({ error: 'unsupported_response_type', error_description: 'Only response_type=code is served' });
  const scopes = (query.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  if (scopes.length === 0 || scopes.some((scope) => !SUPPORTED_SCOPES.has(scope)))
    return redirect({
      error: 'invalid_scope',
      error_description: `Supported scopes: ${[...SUPPORTED_SCOPES].join(' ')}`,
    });

  const chosen = query.get('decision') === 'deny' ? 'deny' : query.get('login_as');
  const login = chosen === 'deny' ? 'deny' : chosen ? { userId: chosen } : world.oauth.takeNextLogin();
  if (login === 'deny')
    return redirect({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request',
    });
  if (login === null) return picker(world.state, query);
  const user = world.state.users.get(login.userId);
  if (!user || user.bot) return page(400, `No user ${login.userId} to sign in as.`);
  return redirect({
    code: world.oauth.issueCode({ userId: user.id, applicationId: bot.applicationId, scopes, redirectUri }),
  });
}

function page(status: number, text: string): PageAnswer {
  return { status, headers: HTML, body: html(`<p>${escapeHtml(text)}</p>`) };
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** One link per (non-bot) user, each repeating the request with login_as, and one to deny. */
function picker(state: DiscordState, query: URLSearchParams): PageAnswer {
  const linkWith = (name: string, value: string) => {
    const params = new URLSearchParams(query);
    params.set(name, value);
    return `${AUTHORIZE_PATH}?${params.toString()}`;
  };
  const users = [...state.users.values()].filter((user) => !user.bot);
  const items = users
    .map((user) => `<li><a href="${escapeHtml(linkWith('login_as', user.id))}">${escapeHtml(user.username)}</a></li>`)
    .join('');
  const cancel = `<p><a href="${escapeHtml(linkWith('decision', 'deny'))}">Cancel</a></p>`;
  return {
    status: 200,
    headers: HTML,
    body: html(`<h1>Sign in to the local Discord as</h1><ul>${items}</ul>${cancel}`),
  };
}

function html(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Authorize</title></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
