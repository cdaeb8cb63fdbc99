import type { CookieSerializeOptions } from '@fastify/cookie';

/** The browser's session token. */
export const SESSION_COOKIE = 'tf_session';
/** The sign-in attempt under way, between /auth/login and /auth/callback. */
export const LOGIN_COOKIE = 'tf_login';

/**
 * Never readable by scripts; sent on top-level navigations from other sites (Discord's redirect back) but not on
 * their requests (SameSite=Lax); Secure when the panel is served over https.
 */
export function sessionCookieOptions(secure: boolean, expiresAt?: Date): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure, ...(expiresAt ? { expires: expiresAt } : {}) };
}

/** Only the sign-in routes see it, and only for as long as a sign-in may take. */
export function loginCookieOptions(secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    path: '/auth',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}
