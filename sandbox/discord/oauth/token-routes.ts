import { z } from 'zod';
import type { Route, RouteRequest, RouteResponse } from '../rest/router.ts';
import type { BotRecord } from '../state/records.ts';
import { invalidClient, invalidGrant, invalidRequest, OAuthError, unsupportedGrantType } from './oauth-errors.ts';
import { ACCESS_TOKEN_LIFETIME_SECONDS, type OAuthStore } from './oauth-store.ts';

const formFields = z.record(z.string(), z.string());

/** The application the request authenticates as: HTTP Basic, or client_id/client_secret in the body. */
function authenticateClient({ state, authorization }: RouteRequest, form: Record<string, string>): BotRecord {
  const basic = /^Basic (\S+)$/.exec(authorization ?? '')?.[1];
  const [clientId, clientSecret] = basic
    ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
    : [form.client_id, form.client_secret];
  const bot = clientId ? state.botByUserId(clientId) : undefined;
  if (!bot || bot.applicationId !== clientId || bot.clientSecret !== clientSecret) throw invalidClient();
  return bot;
}

/** Runs an OAuth2 handler, answering its refusals in OAuth2's shape. */
function oauthAnswer(handler: (form: Record<string, string>) => RouteResponse, body: unknown): RouteResponse {
  try {
    const form = formFields.safeParse(body ?? {});
    if (!form.success) throw invalidRequest('The body must be application/x-www-form-urlencoded fields');
    return handler(form.data);
  } catch (error) {
    if (error instanceof OAuthError) return { status: error.status, body: error.body };
    throw error;
  }
}

function required(form: Record<string, string>, name: string): string {
  const value = form[name];
  if (!value) throw invalidRequest(`Missing "${name}"`);
  return value;
}

/** POST /oauth2/token and /oauth2/token/revoke (the REST prefix makes them answer under /api and /api/v10). */
export function oauthTokenRoutes(oauth: OAuthStore): Route[] {
  return [
    {
      method: 'POST',
      path: '/oauth2/token',
      auth: 'none',
      handle(request) {
        return oauthAnswer((form) => {
          const bot = authenticateClient(request, form);
          const grantType = required(form, 'grant_type');
          let pair: ReturnType<OAuthStore['issueTokens']> | null;
          if (grantType === 'authorization_code') {
            const code = oauth.takeCode(required(form, 'code'));
            if (!code || code.applicationId !== bot.applicationId) throw invalidGrant('Invalid "code" in request.');
            if (code.redirectUri !== form.redirect_uri) throw invalidGrant('Invalid "redirect_uri" in request.');
            pair = oauth.issueTokens({ userId: code.userId, applicationId: bot.applicationId, scopes: code.scopes });
          } else if (grantType === 'refresh_token') {
            pair = oauth.refresh(required(form, 'refresh_token'), bot.applicationId);
            if (!pair) throw invalidGrant('Invalid "refresh_token" in request.');
          } else throw unsupportedGrantType();
          return {
            status: 200,
            body: {
              access_token: pair.accessToken,
              token_type: 'Bearer',
              expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
              refresh_token: pair.refreshToken,
              scope: pair.grant.scopes.join(' '),
            },
          };
        }, request.body);
      },
    },
    {
      method: 'POST',
      path: '/oauth2/token/revoke',
      auth: 'none',
      handle(request) {
        return oauthAnswer((form) => {
          const bot = authenticateClient(request, form);
          oauth.revoke(required(form, 'token'), bot.applicationId);
          return { status: 200, body: {} };
        }, request.body);
      },
    },
  ];
}
