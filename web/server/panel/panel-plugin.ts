import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { panelContentSecurityPolicy } from './content-security-policy.ts';
import { attachPanelRequestContext, type InProcessRequest } from './panel-request-context.ts';

/** The built panel (`npm run build:panel`), beside its sources. */
export const defaultPanelBuildDir = fileURLToPath(new URL('../../app/.output/', import.meta.url));

/** Paths fastify answers itself: an unknown one there is the API's 404, not the panel's page. */
const serverOwnedPrefixes = ['/api/', '/auth/', '/webhooks/', '/transcripts/'];
/** Build metadata the panel's server reads from disk; browsers have no use for it. */
const unservedPrefixes = ['/.vite/'];

type NodeMiddleware = (request: IncomingMessage, response: ServerResponse) => unknown;

async function loadPanelMiddleware(buildDir: string): Promise<NodeMiddleware> {
  const entry = `${buildDir.replace(/\/$/, '')}/server/index.mjs`;
  if (!existsSync(entry)) {
    throw new Error(`The panel is not built (${entry} is missing): run npm run build:panel, or scripts/install.sh`);
  }
  const built = (await import(pathToFileURL(entry).href)) as { middleware?: NodeMiddleware };
  if (typeof built.middleware !== 'function') {
    throw new Error(`${entry} exports no middleware: build the panel with Nitro's node-middleware preset`);
  }
  return built.middleware;
}

/** Cache headers by what is asked for: hashed build assets never change, pages are per viewer. */
function cacheControlFor(path: string): string {
  if (path.startsWith('/_build/assets/')) return 'public, max-age=31536000, immutable';
  if (path === '/favicon.svg') return 'public, max-age=86400';
  return 'private, no-cache';
}

function securityHeaders(cspNonce: string, path: string, https: boolean): Record<string, string> {
  return {
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    'Content-Security-Policy': panelContentSecurityPolicy(cspNonce),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': cacheControlFor(path),
  };
}

export interface PanelOptions {
  /** The build to serve; defaultPanelBuildDir unless given. */
  buildDir?: string;
  /** The panel is served over https (PUBLIC_URL is https): browsers are told to keep to it. */
  https?: boolean;
}

/**
 * Serves the built SolidStart panel for every GET or HEAD that no other route of this server answers. The panel
 * changes nothing itself: its pages call this server's API, so mutations meet the API's session, origin and access
 * checks and nothing else. During server rendering the panel calls that API in-process (fastify's inject) with the
 * page request's cookie, through a context attached to the Node request (panel-request-context.ts),
 * together with a fresh Content-Security-Policy nonce that SolidStart puts on the page's scripts.
 *
 * Register it as its own plugin (encapsulated) after the API's routes.
 */
export async function panelPlugin(app: FastifyInstance, options: PanelOptions = {}): Promise<void> {
  const middleware = await loadPanelMiddleware(options.buildDir ?? defaultPanelBuildDir);
  const api = async (request: InProcessRequest) => {
    const answer = await app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    return { status: answer.statusCode, headers: answer.headers, body: answer.body };
  };

  const servePanel = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0] ?? '/';
    if ([...serverOwnedPrefixes, ...unservedPrefixes].some((prefix) => path.startsWith(prefix))) {
      return reply.callNotFound();
    }
    const cspNonce = randomBytes(18).toString('base64');
    attachPanelRequestContext(request.raw, { cspNonce, api });
    reply.hijack();
    for (const [name, value] of Object.entries(securityHeaders(cspNonce, path, options.https === true))) {
      reply.raw.setHeader(name, value);
    }
    const started = performance.now();
    reply.raw.once('finish', () => {
      request.log.info(
        { res: { statusCode: reply.raw.statusCode }, responseTime: performance.now() - started },
        'request completed',
      );
    });
    Promise.resolve(middleware(request.raw, reply.raw)).catch((error: unknown) => {
      request.log.error({ err: error }, 'the panel failed to answer');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      }
      reply.raw.end('The panel failed to answer.');
    });
  };

  // Public: a page is only its shell; the data in it comes from the API, which checks who asks.
  for (const url of ['/', '/*']) {
    app.route({ method: ['GET', 'HEAD'], url, config: { access: 'public' }, handler: servePanel });
  }
}
