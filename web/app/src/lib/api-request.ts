import { getRequestEvent, isServer } from 'solid-js/web';
import { panelRequestContext } from './panel-context.ts';

/** The page request's headers the API needs to answer as it would the browser: who is asking, in which language. */
const forwardedHeaders = ['cookie', 'accept-language', 'host', 'user-agent'] as const;

export type ApiRequestInit = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown };

/**
 * One call to the web process's own API (`/api/v1/...`, `/auth/...`). In the browser it is a same-origin fetch with
 * the session cookie; while the server renders a page it is answered in-process by the same fastify routes, with the
 * page request's cookie, so the API's session and access checks are the only ones there are.
 */
export async function apiRequest(path: string, init: ApiRequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (!isServer) {
    return fetch(path, { method, headers, body, credentials: 'same-origin' });
  }
  const event = getRequestEvent();
  if (!event) {
    throw new Error(`The panel called ${path} while rendering, outside any page request`);
  }
  for (const name of forwardedHeaders) {
    const value = event.request.headers.get(name);
    if (value) {
      headers[name] = value;
    }
  }
  const answer = await panelRequestContext(event)
    .api({ method, url: path, headers, body })
    .catch((error: unknown) => {
      // Logged here with its details; the page (and its hydration data) only says the server could not answer.
      console.error(`The panel's in-process call to ${method} ${path} failed`, error);
      return { status: 503, headers: {}, body: '' };
    });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      responseHeaders.append(name, String(one));
    }
  }
  // A session the API ends or renews while a page renders must reach the browser with that page.
  for (const cookie of responseHeaders.getSetCookie()) {
    event.response.headers.append('set-cookie', cookie);
  }
  const nullBodyStatus = answer.status === 204 || answer.status === 304;
  return new Response(nullBodyStatus ? null : answer.body, { status: answer.status, headers: responseHeaders });
}
