import type { FastifyRequest } from 'fastify';
import type { AccessibleGuild } from '../access/guild-access-views.ts';
import type { ActiveSession } from './web-sessions.ts';

/** The caller's session in a route that declared an access other than `public` (the access check set it). */
export function signedInSession(request: FastifyRequest): ActiveSession {
  if (!request.webSession) throw new Error(`${request.routeOptions.url} reads the session but declares public access`);
  return request.webSession;
}

/** The route's guild, with the caller's access, in a route that declared a guild access. */
export function accessibleGuild(request: FastifyRequest): AccessibleGuild {
  if (!request.accessibleGuild)
    throw new Error(`${request.routeOptions.url} reads its guild but declares no guild access`);
  return request.accessibleGuild;
}
