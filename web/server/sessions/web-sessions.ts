import type { WebSession, WebSessionRepository } from '../../../store/web-session-repository.ts';
import { randomToken, seal, tokenHash, unseal } from './session-secrets.ts';

/** A session unused this long ends. */
export const SESSION_IDLE_MS = 3 * 24 * 3_600_000;
/** A session ends this long after sign-in whatever its use (and never after Discord's token does). */
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** Activity is written at most this often per session: a page's many requests cost one write a minute. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  /** Discord's avatar hash; null for the default avatar. */
  avatar: string | null;
}

export interface ActiveSession {
  id: string;
  user: SignedInUser;
  /** The user's Discord OAuth2 access token, opened with the browser's session token. */
  discordAccessToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** When it ends unless used again: the idle end, or the absolute end when sooner. */
  expiresAt: Date;
  /** When it ends however much it is used (the cookie's expiry). */
  endsAt: Date;
}

/** A session as its owner sees it in their list. */
export interface ListedSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

export interface WebSessions {
  /** A new session with a new token (never one the browser brought: no fixation); the token goes in the cookie. */
  start(input: {
    user: SignedInUser;
    discordAccessToken: string;
    discordTokenLifetimeMs: number;
    userAgent: string | null;
  }): Promise<{ token: string; session: ActiveSession }>;
  /** The live session this token opens, its activity recorded; null for an unknown, ended or expired one. */
  resolve(token: string): Promise<ActiveSession | null>;
  /** Ends the session this token opens, if any; returns it (with its Discord token) when there was one. */
  end(token: string): Promise<ActiveSession | null>;
  /** This user's live sessions, newest first. */
  list(userId: string): Promise<ListedSession[]>;
  /** Ends one of this user's sessions; false when they have none with that id. */
  endOwn(userId: string, sessionId: string): Promise<boolean>;
  /** Removes expired sessions and login attempts (done at each sign-in). */
  removeExpired(): Promise<void>;
}

export function createWebSessions(repository: WebSessionRepository, now: () => Date = () => new Date()): WebSessions {
  const expiresAt = (row: Pick<WebSession, 'lastSeenAt' | 'expiresAt'>) =>
    new Date(Math.min(row.expiresAt.getTime(), row.lastSeenAt.getTime() + SESSION_IDLE_MS));
  const isLive = (row: WebSession) => expiresAt(row).getTime() > now().getTime();
  const active = (row: WebSession, token: string): ActiveSession => ({
    id: row.id,
    user: { id: row.userId, username: row.userName, displayName: row.userDisplayName, avatar: row.userAvatar },
    discordAccessToken: unseal(token, row.sealedDiscordToken),
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: expiresAt(row),
    endsAt: row.expiresAt,
  });

  async function find(token: string): Promise<WebSession | null> {
    const row = await repository.findSession(tokenHash(token));
    return row && isLive(row) ? row : null;
  }

  return {
    async start({ user, discordAccessToken, discordTokenLifetimeMs, userAgent }) {
      const token = randomToken();
      const at = now();
      const row = await repository.createSession({
        tokenHash: tokenHash(token),
        userId: user.id,
        userName: user.username,
        userDisplayName: user.displayName,
        userAvatar: user.avatar,
        sealedDiscordToken: seal(token, discordAccessToken),
        userAgent: userAgent?.slice(0, 512) ?? null,
        lastSeenAt: at,
        expiresAt: new Date(at.getTime() + Math.min(SESSION_MAX_MS, discordTokenLifetimeMs)),
      });
      return { token, session: active(row, token) };
    },
    async resolve(token) {
      const row = await find(token);
      if (!row) return null;
      const at = now();
      if (at.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await repository.touchSession(row.id, at);
        row.lastSeenAt = at;
      }
      return active(row, token);
    },
    async end(token) {
      const row = await find(token);
      if (!row) return null;
      await repository.endSession(row.id);
      return active(row, token);
    },
    async list(userId) {
      const rows = await repository.listUserSessions(userId, now());
      return rows.filter(isLive).map((row) => ({
        id: row.id,
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt,
        expiresAt: expiresAt(row),
        userAgent: row.userAgent,
      }));
    },
    endOwn: (userId, sessionId) => repository.endUserSession(userId, sessionId),
    removeExpired: () => {
      const at = now();
      return repository.removeExpired(at, new Date(at.getTime() - SESSION_IDLE_MS));
    },
  };
}
