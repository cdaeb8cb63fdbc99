import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses every request that could change something (any method but GET, HEAD and OPTIONS) unless the browser says
 * it comes from the panel's own origin: `Origin` equal to PUBLIC_URL's and `Sec-Fetch-Site: same-origin`, each when
 * sent (browsers send at least one); a request with neither is refused too. It runs before routing for everything this process serves,
 * SolidStart's `/_server` functions included; only routes declaring `config.crossSite: 'allowed'` (payment
 * webhooks, which prove themselves by signature) are let through.
 */
export function installSameOriginGuard(app: FastifyInstance, publicUrl: string): void {
  const origin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config?.crossSite === 'allowed') return;
    if (!comesFrom(request, origin))
      throw new ApiError(403, 'cross_origin', 'Changes are accepted only from the panel’s own pages.');
  });
}

/** Each of the two headers that is present must say same-origin, and at least one must be present. */
function comesFrom(request: FastifyRequest, origin: string): boolean {
  const sentOrigin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  if (sentOrigin === undefined && fetchSite === undefined) return false;
  return (
    (sentOrigin === undefined || sentOrigin === origin) && (fetchSite === undefined || fetchSite === 'same-origin')
  );
}
