import { Prisma, type PrismaClient, type WebLoginAttempt, type WebSession } from '../prisma/client.ts';

/** Prisma's code for a delete or update that found no row. */
const RECORD_NOT_FOUND = 'P2025';

export type { WebLoginAttempt, WebSession } from '../prisma/client.ts';

export type NewWebSession = Omit<WebSession, 'id' | 'createdAt' | 'tokenHash' | 'sealedDiscordToken'> & {
  tokenHash: Uint8Array;
  sealedDiscordToken: Uint8Array;
};
export type NewWebLoginAttempt = Omit<WebLoginAttempt, 'stateHash'> & { stateHash: Uint8Array };

/**
 * The panel's sign-ins in Postgres, so that any web process can serve any browser, and a session ended in one
 * is ended in all. Rows are found by the SHA-256 of the browser's token, never by the token itself.
 */
export interface WebSessionRepository {
  createSession(session: NewWebSession): Promise<WebSession>;
  findSession(tokenHash: Uint8Array): Promise<WebSession | null>;
  /** Records activity; called at most about once a minute per session. */
  touchSession(id: string, lastSeenAt: Date): Promise<void>;
  /** Ends a session; true when it existed. */
  endSession(id: string): Promise<boolean>;
  /** Ends one of this user's sessions; false when they have none with this id (another user's is not theirs). */
  endUserSession(userId: string, id: string): Promise<boolean>;
  /** This user's sessions whose absolute end is after `now`, newest first. */
  listUserSessions(userId: string, now: Date): Promise<WebSession[]>;
  /** Removes sessions past `idleSince`'s idle limit or their absolute end, and login attempts past theirs. */
  removeExpired(now: Date, idleSince: Date): Promise<void>;
  createLoginAttempt(attempt: NewWebLoginAttempt): Promise<void>;
  /** Removes and returns the attempt, so that its state is good once; null when there is none (used, or never made). */
  takeLoginAttempt(id: string): Promise<WebLoginAttempt | null>;
}

export function createWebSessionRepository(prisma: PrismaClient): WebSessionRepository {
  return {
    createSession: (session) =>
      prisma.webSession.create({
        data: {
          ...session,
          tokenHash: bytes(session.tokenHash),
          sealedDiscordToken: bytes(session.sealedDiscordToken),
        },
      }),
    findSession: (tokenHash) => prisma.webSession.findUnique({ where: { tokenHash: bytes(tokenHash) } }),
    async touchSession(id, lastSeenAt) {
      await prisma.webSession.updateMany({ where: { id }, data: { lastSeenAt } });
    },
    async endSession(id) {
      return (await prisma.webSession.deleteMany({ where: { id } })).count > 0;
    },
    async endUserSession(userId, id) {
      return (await prisma.webSession.deleteMany({ where: { id, userId } })).count > 0;
    },
    listUserSessions: (userId, now) =>
      prisma.webSession.findMany({ where: { userId, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } }),
    async removeExpired(now, idleSince) {
      await prisma.webSession.deleteMany({
        where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleSince } }] },
      });
      await prisma.webLoginAttempt.deleteMany({ where: { expiresAt: { lte: now } } });
    },
    async createLoginAttempt(attempt) {
      await prisma.webLoginAttempt.create({ data: { ...attempt, stateHash: bytes(attempt.stateHash) } });
    },
    async takeLoginAttempt(id) {
      // One DELETE … RETURNING: of two callbacks racing with the same attempt, one gets the row.
      try {
        return await prisma.webLoginAttempt.delete({ where: { id } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === RECORD_NOT_FOUND) return null;
        throw error;
      }
    },
  };
}

/** Prisma's Bytes columns take a Uint8Array backed by a plain ArrayBuffer. */
function bytes(value: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(value);
}
