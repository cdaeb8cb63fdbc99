import { randomBytes } from 'node:crypto';

/** Discord's access tokens live a week; codes a few minutes. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 604_800;
export const CODE_LIFETIME_MS = 10 * 60_000;

export const SUPPORTED_SCOPES = new Set(['identify', 'email', 'guilds', 'guilds.members.read']);

/** What a Bearer token lets its holder do: act as this user within these scopes, until then. */
export interface BearerGrant {
  userId: string;
  applicationId: string;
  scopes: string[];
  expiresAtMs: number;
}

interface PendingCode {
  userId: string;
  applicationId: string;
  scopes: string[];
  redirectUri: string;
  expiresAtMs: number;
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  grant: BearerGrant;
}

/** Who the next authorize request consents as; 'deny' makes it refuse. */
export type NextLogin = { userId: string } | 'deny';

/**
 * The OAuth2 side of the sandbox, in memory (a restart signs panel users out, as a lost session would):
 * registered redirect URIs, single-use codes, and token pairs that refresh (rotating both) or are revoked.
 */
export class OAuthStore {
  readonly #redirectUris = new Set<string>();
  readonly #codes = new Map<string, PendingCode>();
  readonly #byAccess = new Map<string, TokenPair>();
  readonly #byRefresh = new Map<string, TokenPair>();
  readonly #now: () => number;
  #nextLogin: NextLogin | null = null;

  constructor(now: () => number, redirectUris: string[] = []) {
    this.#now = now;
    for (const uri of redirectUris) this.#redirectUris.add(uri);
  }

  registerRedirectUri(uri: string): void {
    this.#redirectUris.add(uri);
  }

  isRegisteredRedirectUri(uri: string): boolean {
    return this.#redirectUris.has(uri);
  }

  /** The next authorize request consents as this user (or refuses, with 'deny'), without showing the picker. */
  nextLogin(login: string | 'deny'): void {
    this.#nextLogin = login === 'deny' ? 'deny' : { userId: login };
  }

  takeNextLogin(): NextLogin | null {
    const login = this.#nextLogin;
    this.#nextLogin = null;
    return login;
  }

  issueCode(code: Omit<PendingCode, 'expiresAtMs'>): string {
    const value = randomBytes(15).toString('base64url');
    this.#codes.set(value, { ...code, expiresAtMs: this.#now() + CODE_LIFETIME_MS });
    return value;
  }

  /** A code is good once: taking it removes it, whether or not the caller then accepts it. */
  takeCode(value: string): PendingCode | null {
    const code = this.#codes.get(value);
    this.#codes.delete(value);
    return code && code.expiresAtMs > this.#now() ? code : null;
  }

  issueTokens(grant: Omit<BearerGrant, 'expiresAtMs'>): TokenPair {
    const pair: TokenPair = {
      accessToken: randomBytes(24).toString('base64url'),
      refreshToken: randomBytes(24).toString('base64url'),
      grant: { ...grant, expiresAtMs: this.#now() + ACCESS_TOKEN_LIFETIME_SECONDS * 1000 },
    };
    this.#byAccess.set(pair.accessToken, pair);
    this.#byRefresh.set(pair.refreshToken, pair);
    return pair;
  }

  grantForAccessToken(token: string): BearerGrant | null {
    const pair = this.#byAccess.get(token);
    return pair && pair.grant.expiresAtMs > this.#now() ? pair.grant : null;
  }

  /** Refreshing rotates the pair: the old access and refresh tokens stop working. */
  refresh(refreshToken: string, applicationId: string): TokenPair | null {
    const pair = this.#byRefresh.get(refreshToken);
    if (!pair || pair.grant.applicationId !== applicationId) return null;
    this.#revokePair(pair);
    const { userId, scopes } = pair.grant;
    return this.issueTokens({ userId, applicationId, scopes });
  }

  /** Revokes the pair either token belongs to; unknown tokens are ignored, as RFC 7009 asks. */
  revoke(token: string, applicationId: string): void {
    const pair = this.#byAccess.get(token) ?? this.#byRefresh.get(token);
    if (pair && pair.grant.applicationId === applicationId) this.#revokePair(pair);
  }

  #revokePair(pair: TokenPair): void {
    this.#byAccess.delete(pair.accessToken);
    this.#byRefresh.delete(pair.refreshToken);
  }
}
