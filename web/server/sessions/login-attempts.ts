import type { WebSessionRepository } from '../../../store/web-session-repository.ts';
import { matchesHash, randomToken, tokenHash } from './session-secrets.ts';

/** Time to consent on Discord's page and come back. */
export const LOGIN_ATTEMPT_MS = 10 * 60_000;

export interface LoginAttempts {
  /** A new attempt: its id goes in the browser's cookie, its state to Discord; `nextPath` is where it ends. */
  begin(nextPath: string): Promise<{ attemptId: string; state: string }>;
  /**
   * The attempt's next path when `state` is the one it sent, from the browser holding its cookie, before it
   * expired; null otherwise. Either way the attempt is used up: a state is good once.
   */
  finish(attemptId: string, state: string): Promise<{ nextPath: string } | null>;
}

export function createLoginAttempts(
  repository: WebSessionRepository,
  now: () => Date = () => new Date(),
): LoginAttempts {
  return {
    async begin(nextPath) {
      const attemptId = randomToken();
      const state = randomToken();
      await repository.createLoginAttempt({
        id: attemptId,
        stateHash: tokenHash(state),
        nextPath,
        expiresAt: new Date(now().getTime() + LOGIN_ATTEMPT_MS),
      });
      return { attemptId, state };
    },
    async finish(attemptId, state) {
      const attempt = await repository.takeLoginAttempt(attemptId);
      if (!attempt || attempt.expiresAt.getTime() <= now().getTime()) return null;
      return matchesHash(state, attempt.stateHash) ? { nextPath: attempt.nextPath } : null;
    },
  };
}
