import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/api-error.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../sessions/session-cookies.ts';
import { signedInSession } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';

const sessionsReply = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      createdAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
      expiresAt: z.iso.datetime(),
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});

/**
 * The caller's own sign-ins:
 * - `GET /api/v1/sessions`: each live session, newest first, the one making the request marked `current`;
 * - `DELETE /api/v1/sessions/:sessionId`: ends one of them (204); another user's session is 404.
 */
export const sessionRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/sessions',
    { config: { access: 'signed-in' }, schema: { response: { 200: sessionsReply } } },
    async (request) => {
      const current = signedInSession(request);
      const sessions = await services.sessions.list(current.user.id);
      return {
        sessions: sessions.map((session) => ({
          id: session.id,
          createdAt: session.createdAt.toISOString(),
          lastSeenAt: session.lastSeenAt.toISOString(),
          expiresAt: session.expiresAt.toISOString(),
          userAgent: session.userAgent,
          current: session.id === current.id,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/sessions/:sessionId',
    { config: { access: 'signed-in' }, schema: { params: z.object({ sessionId: z.uuid() }) } },
    async (request, reply) => {
      const current = signedInSession(request);
      const ended = await services.sessions.endOwn(current.user.id, request.params.sessionId);
      if (!ended) throw notFound('This session');
      if (request.params.sessionId === current.id)
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(services.config.secureCookies));
      return reply.code(204).send();
    },
  );
};
