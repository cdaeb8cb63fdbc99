import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout } from 'node:timers/promises';
import type { OAuthStore } from '../oauth/oauth-store.ts';
import { routeKey } from '../spec/route-schemas.ts';
import { responseViolation, type SpecViolation, validateRequestBody } from '../spec/validate.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { FaultRule } from '../state/faults.ts';
import {
  DiscordHttpError,
  internalServerError,
  invalidJson,
  methodNotAllowed,
  rateLimited,
  routeNotFound,
  temporarilyBlocked,
  unauthorized,
} from './errors.ts';
import { isInteractionEndpoint } from './rate-limits/global-limit.ts';
import type { RestRateLimits } from './rate-limits/rest-rate-limits.ts';
import { rateLimitHeaders } from './rate-limits/route-limits.ts';
import type { RouteMatch, Router } from './router.ts';
import { parseFormBody } from './validation/form-body.ts';
import { requireSnowflakeIds } from './validation/path-ids.ts';

/** Discord serves v10 under `/api/v10`; unversioned `/api` is accepted too, as the notes on clients advise. */
const API_PREFIX = /^\/api(?:\/v10)?(?=\/)/;

interface Answer {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
  /** An injected delay before the answer goes out. */
  delayMs?: number;
}

export interface RestHandlerOptions {
  state: DiscordState;
  router: Router;
  rateLimits: RestRateLimits;
  origin: () => string;
  oauth: OAuthStore;
  /** Where 2xx answers that break Discord's OpenAPI description are recorded (each also becomes a 500). */
  specViolations: SpecViolation[];
}

/**
 * One REST request, in Discord's order: an IP banned for invalid requests is turned away first (Cloudflare stands
 * before the API), then the route, the global and per-route limits, an injected fault, auth, and the handler.
 * Every answer then counts towards the invalid-request limit.
 */
export function createRestHandler(
  options: RestHandlerOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    readBody(request)
      .then(async (rawBody) => {
        const ip = request.socket.remoteAddress ?? 'unknown';
        const result = answerSafely(options, request, rawBody, ip);
        options.rateLimits.invalidRequests.record(ip, result.status, result.headers['X-RateLimit-Scope']);
        options.state.requestLog.push({
          method: request.method ?? 'GET',
          path: new URL(request.url ?? '/', 'http://sandbox').pathname.replace(API_PREFIX, ''),
          status: result.status,
          body: loggedBody(rawBody),
          auditLogReason: auditLogReason(request),
          at: options.state.now(),
        });
        if (result.delayMs) await setTimeout(result.delayMs);
        send(response, result);
      })
      .catch((error: unknown) => console.error('discord sandbox: could not answer', error));
  };
}

/** A bug in the sandbox becomes a 500 (and a log line) rather than a hung request. */
function answerSafely(options: RestHandlerOptions, request: IncomingMessage, rawBody: Buffer, ip: string): Answer {
  try {
    return answer(options, request, rawBody, ip);
  } catch (error) {
    console.error('discord sandbox: unexpected failure', error);
    return errorAnswer(internalServerError(), {});
  }
}

function loggedBody(rawBody: Buffer): unknown {
  try {
    return parseJson(rawBody);
  } catch {
    return undefined;
  }
}

function answer(options: RestHandlerOptions, request: IncomingMessage, rawBody: Buffer, ip: string): Answer {
  const { state, router, rateLimits } = options;
  if (rateLimits.invalidRequests.isBanned(ip)) return errorAnswer(temporarilyBlocked(), {});
  const method = request.method ?? 'GET';
  const url = new URL(request.url ?? '/', 'http://sandbox');
  const prefix = API_PREFIX.exec(url.pathname);
  if (!prefix) return errorAnswer(routeNotFound(), {});
  const path = url.pathname.slice(prefix[0].length);

  const found = router.find(method, path, /^Bearer /.test(request.headers.authorization ?? '') ? 'bearer' : 'bot');
  if (found === null) return errorAnswer(routeNotFound(), {});
  if (found === 'method-not-allowed') return errorAnswer(methodNotAllowed(), {});

  // Limits are the caller's: the token (every process on it shares them), or the IP for requests without one.
  const caller = request.headers.authorization ?? ip;
  if (!isInteractionEndpoint(found.route.path)) {
    const globalWait = rateLimits.global.consume(caller);
    if (globalWait !== null) return errorAnswer(rateLimited(globalWait, true), {});
  }
  const key = routeKey(method, found.route.path);
  const verdict = rateLimits.routes.consume(caller, key, path);
  if (verdict.retryAfterSeconds !== null)
    return errorAnswer(rateLimited(verdict.retryAfterSeconds, false), verdict.headers);
  const bucket = rateLimits.routes.bucketOf(key);

  const fault = state.faults.take(method, path);
  if (fault?.status)
    return { ...faultAnswer(fault.status, fault, bucket, state.now(), verdict.headers), delayMs: fault.delayMs };
  return { ...handle(options, request, rawBody, found, url, verdict.headers), delayMs: fault?.delayMs };
}

function handle(
  options: RestHandlerOptions,
  request: IncomingMessage,
  rawBody: Buffer,
  found: RouteMatch,
  url: URL,
  headers: Record<string, string>,
): Answer {
  const { state } = options;
  const auth = found.route.auth ?? 'bot';
  const bot = auth === 'bot' ? state.botByToken(botToken(request) ?? '') : undefined;
  if (auth === 'bot' && !bot) return errorAnswer(unauthorized(), headers);
  const bearer = auth === 'bearer' ? options.oauth.grantForAccessToken(bearerToken(request) ?? '') : null;
  if (auth === 'bearer' && !bearer) return errorAnswer(unauthorized(), headers);
  try {
    requireSnowflakeIds(found.params);
    const body = parseBody(request, rawBody);
    const result = found.route.handle({
      state,
      params: found.params,
      query: url.searchParams,
      body,
      parseBody: (schema, value = body) => {
        const parsed = parseFormBody(schema, value);
        validateRequestBody(found.route, body);
        return parsed;
      },
      botUserId: bot?.userId ?? '',
      bearer,
      authorization: request.headers.authorization ?? null,
      auditLogReason: auditLogReason(request),
      origin: options.origin(),
    });
    const violation = responseViolation(found.route, result.status, result.body);
    if (violation) {
      // The sandbox answered something Discord never would: a sandbox bug, loud for tests, a 500 for the client.
      options.specViolations.push(violation);
      console.error('discord sandbox: answer breaks the Discord API description', violation);
      return errorAnswer(internalServerError(), headers);
    }
    return { ...result, headers };
  } catch (error) {
    if (error instanceof DiscordHttpError) return errorAnswer(error, headers);
    throw error;
  }
}

function faultAnswer(
  status: number,
  fault: FaultRule,
  bucket: string,
  now: number,
  headers: Record<string, string>,
): Answer {
  if (status === 429) {
    const retryAfter = fault.retryAfterSeconds ?? 1;
    // A per-route 429 empties the bucket until Retry-After; a global one says nothing about the route's bucket.
    const bucketHeaders = fault.global
      ? {}
      : rateLimitHeaders(bucket, Number(headers['X-RateLimit-Limit']), 0, now + retryAfter * 1000, retryAfter);
    return errorAnswer(rateLimited(retryAfter, fault.global ?? false, String(retryAfter)), bucketHeaders);
  }
  if (status >= 500) return errorAnswer(new DiscordHttpError(status, 0, `${status}: Injected failure`), headers);
  return errorAnswer(
    new DiscordHttpError(status, fault.code ?? 0, fault.message ?? `${status}: Injected failure`),
    headers,
  );
}

function errorAnswer(error: DiscordHttpError, headers: Record<string, string>): Answer {
  return { status: error.status, body: error.body, headers: { ...headers, ...error.extras.headers } };
}

function botToken(request: IncomingMessage): string | null {
  const match = /^Bot (\S+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** JSON, or the form encoding OAuth2 token requests use. */
function parseBody(request: IncomingMessage, rawBody: Buffer): unknown {
  if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
  return parseJson(rawBody);
}

/** Clients URL-encode the reason so it survives as a header value. */
function auditLogReason(request: IncomingMessage): string | null {
  const header = request.headers['x-audit-log-reason'];
  return typeof header === 'string' ? decodeURIComponent(header) : null;
}

function parseJson(rawBody: Buffer): unknown {
  if (rawBody.length === 0) return undefined;
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw invalidJson();
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: Answer): void {
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status, answer.headers).end();
    return;
  }
  const json = JSON.stringify(answer.body);
  response
    .writeHead(answer.status, {
      ...answer.headers,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(json),
    })
    .end(json);
}
