import { describe, expect, it } from 'vitest';
import { retrySignal } from '../../bot/messages/retry-signal.ts';

describe('retrySignal', () => {
  it('sends again after each failure until the ticket takes it', async () => {
    const failures = [new Error('Temporal unavailable'), new Error('connection reset')];
    const waited: number[] = [];
    let attempts = 0;
    await retrySignal(
      async () => {
        attempts += 1;
        const failure = failures.shift();
        if (failure) throw failure;
      },
      [1, 2, 3],
      (_error, delayMs) => waited.push(delayMs),
    );
    expect(attempts).toBe(3);
    expect(waited).toEqual([1, 2]);
  });

  it('gives up with the last failure once the delays run out', async () => {
    let attempts = 0;
    await expect(
      retrySignal(async () => {
        attempts += 1;
        throw new Error(`still down (${attempts})`);
      }, [1, 1]),
    ).rejects.toThrow('still down (3)');
    expect(attempts).toBe(3);
  });
});
