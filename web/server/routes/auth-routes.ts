import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, invalidRequest } from '../http/api-error.ts';
import { localPath } from '../http/local-path.ts';
import { LOGIN_ATTEMPT_MS } from '../sessions/login-attempts.ts';
import { LOGIN_COOKIE, loginCookieOptions, SESSION_COOKIE, sessionCookieOptions } from '../sessions/session-cookies.ts';
import type { WebServices } from '../web-services.ts';

/** Where a sign-in lands when it was not given a path on this site to return to. */
export const DEFAULT_AFTER_LOGIN = '/guilds';

const loginQuery = z.object({ next: z.string().max(2_000).optional() });
const callbackQuery = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
});

const invalidLoginState = () =>
  new ApiError(400, 'invalid_login_state', 'This sign-in link is not valid (expired or already used): sign in again.');

/**
 * Sign in with Discord (OAuth2 code flow) and sign out:
 * - `GET /auth/login?next=/path` → 302 to Discord's consent page; the attempt (its state, once, 10 minutes) is kept
 *   in Postgres and bound to this browser by the `tf_login` cookie;
 * - `GET /auth/callback?code&state` → checks the state, takes the code, starts a new session (`tf_session`), and
 *   303 to `next` when it is a path on this site, else `/guilds`;
 * - `POST /auth/logout` → ends the session server-side and at Discord, clears the cookie, 204.
 */
export const authRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  const { secureCookies } = services.config;

  app.get(
    '/auth/login',
    { config: { access: 'public' }, schema: { querystring: loginQuery } },
    async (request, reply) => {
      const attempt = await services.loginAttempts.begin(localPath(request.query.next, DEFAULT_AFTER_LOGIN));
      reply.setCookie(LOGIN_COOKIE, attempt.attemptId, loginCookieOptions(secureCookies, LOGIN_ATTEMPT_MS / 1000));
      return reply.redirect(services.discord.authorizeUrl(attempt.state), 302);
    },
  );

  app.get(
    '/auth/callback',
    { config: { access: 'public' }, schema: { querystring: callbackQuery } },
    async (request, reply) => {
      const attemptId = request.cookies[LOGIN_COOKIE];
      reply.clearCookie(LOGIN_COOKIE, loginCookieOptions(secureCookies));
      const { code, state, error } = request.query;
      // The state is checked before anything else Discord's redirect carries, refusals included.
      const attempt = attemptId && state ? await services.loginAttempts.finish(attemptId, state) : null;
      if (!attempt) throw invalidLoginState();
      if (error) return reply.redirect(`/?login_error=${encodeURIComponent(error)}`, 303);
      if (!code) throw invalidRequest([{ path: 'code', message: 'is required: the code Discord sends back' }]);

      const grant = await services.discord.exchangeCode(code).catch((cause: unknown) => {
        request.log.warn({ err: cause }, 'Discord refused the sign-in code');
        throw new ApiError(400, 'login_failed', 'Discord did not accept this sign-in: sign in again.');
      });
      const user = await services.discord.currentUser(grant.accessToken);
      const earlier = request.cookies[SESSION_COOKIE];
      if (earlier) await services.sessions.end(earlier);
      await services.sessions.removeExpired();
      const { token, session } = await services.sessions.start({
        user: {
          id: user.id,
          username: user.username,
          displayName: user.global_name ?? user.username,
          avatar: user.avatar,
        },
        discordAccessToken: grant.accessToken,
        discordTokenLifetimeMs: grant.expiresInSeconds * 1000,
        userAgent: request.headers['user-agent'] ?? null,
      });
      request.log.info({ userId: user.id, sessionId: session.id }, 'signed in');
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(secureCookies, session.endsAt));
      return reply.redirect(localPath(attempt.nextPath, DEFAULT_AFTER_LOGIN), 303);
    },
  );

  app.post('/auth/logout', { config: { access: 'public' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const ended = token ? await services.sessions.end(token) : null;
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(secureCookies));
    if (ended) {
      request.log.info({ userId: ended.user.id, sessionId: ended.id }, 'signed out');
      await services.discord
        .revokeToken(ended.discordAccessToken)
        .catch((error: unknown) => request.log.warn({ err: error }, 'Discord did not revoke the signed-out token'));
    }
    return reply.code(204).send();
  });
};
