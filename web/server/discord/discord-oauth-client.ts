import { DiscordAPIError } from '@discordjs/rest';
import {
  type APIGuildMember,
  type APIUser,
  type RESTGetAPICurrentUserGuildsResult,
  type RESTPostOAuth2AccessTokenResult,
  Routes,
} from 'discord-api-types/v10';
import type { DiscordOAuthConfig } from '../../../config/web-config.ts';
import { type DiscordRestObserver, discordRest } from './discord-rest.ts';

/** What the panel asks people to grant: who they are, their servers, and their roles in them. */
export const OAUTH_SCOPES = ['identify', 'guilds', 'guilds.members.read'] as const;

export interface DiscordTokenGrant {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export type DiscordUserGuild = RESTGetAPICurrentUserGuildsResult[number];

/** Discord refused the user's token (revoked, expired): they must sign in again. */
export class DiscordTokenRefusedError extends Error {
  override name = 'DiscordTokenRefusedError';
}

/**
 * The OAuth2 code flow against Discord (or the local Discord, by base URL) and the three things a signed-in user's
 * token is used for. Each method is one request.
 */
export interface DiscordOAuthClient {
  /** The consent page to send the browser to; `state` comes back to the callback. */
  authorizeUrl(state: string): string;
  exchangeCode(code: string): Promise<DiscordTokenGrant>;
  /** Best effort: the token stops working at Discord (sign-out). */
  revokeToken(accessToken: string): Promise<void>;
  currentUser(accessToken: string): Promise<APIUser>;
  /** The guilds they are in, with `owner` and their guild-level `permissions`. */
  currentUserGuilds(accessToken: string): Promise<DiscordUserGuild[]>;
  /** Their membership (roles) in a guild; null when they are not in it. */
  currentUserMember(accessToken: string, guildId: string): Promise<APIGuildMember | null>;
}

export function createDiscordOAuthClient(
  config: DiscordOAuthConfig,
  observe: DiscordRestObserver = () => {},
): DiscordOAuthClient {
  const clientRest = discordRest(config.apiBaseUrl);
  observe(clientRest, 'client');
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64')}`;
  const form = (fields: Record<string, string>) => ({
    auth: false,
    passThroughBody: true,
    // Discord's token routes take only form fields.
    body: new URLSearchParams(fields).toString(),
    headers: { Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  const asUser = (accessToken: string) => {
    const rest = discordRest(config.apiBaseUrl, { prefix: 'Bearer', token: accessToken });
    observe(rest, 'user');
    return rest;
  };
  const refusedTokens = async <T>(request: Promise<T>): Promise<T> => {
    try {
      return await request;
    } catch (error) {
      if (error instanceof DiscordAPIError && error.status === 401) throw new DiscordTokenRefusedError(error.message);
      throw error;
    }
  };

  return {
    authorizeUrl(state) {
      const url = new URL(config.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        scope: OAUTH_SCOPES.join(' '),
        redirect_uri: config.redirectUri,
        state,
        prompt: 'none',
      }).toString();
      return url.toString();
    },
    async exchangeCode(code) {
      const grant = (await clientRest.post(
        Routes.oauth2TokenExchange(),
        form({ grant_type: 'authorization_code', code, redirect_uri: config.redirectUri }),
      )) as RESTPostOAuth2AccessTokenResult;
      return {
        accessToken: grant.access_token,
        refreshToken: grant.refresh_token,
        expiresInSeconds: grant.expires_in,
      };
    },
    async revokeToken(accessToken) {
      await clientRest.post(
        Routes.oauth2TokenRevocation(),
        form({ token: accessToken, token_type_hint: 'access_token' }),
      );
    },
    currentUser: (accessToken) => refusedTokens(asUser(accessToken).get(Routes.user()) as Promise<APIUser>),
    currentUserGuilds: (accessToken) =>
      refusedTokens(asUser(accessToken).get(Routes.userGuilds()) as Promise<DiscordUserGuild[]>),
    async currentUserMember(accessToken, guildId) {
      try {
        return await refusedTokens(asUser(accessToken).get(Routes.userGuildMember(guildId)) as Promise<APIGuildMember>);
      } catch (error) {
        // Unknown Guild: they left it since their guild list was read.
        if (error instanceof DiscordAPIError && error.status === 404) return null;
        throw error;
      }
    },
  };
}
