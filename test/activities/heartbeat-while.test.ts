import { setTimeout as sleep } from 'node:timers/promises';
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { heartbeatWhile } from '../../activities/heartbeat-while.ts';

describe('heartbeatWhile', () => {
  it('heartbeats at once and then on every interval while the step runs, and stops after it', async () => {
    const env = new MockActivityEnvironment();
    let beats = 0;
    env.on('heartbeat', () => {
      beats += 1;
    });
    const result = await env.run(() =>
      heartbeatWhile(async () => {
        await sleep(130);
        return 'done';
      }, 50),
    );
    expect(result).toBe('done');
    expect(beats).toBeGreaterThanOrEqual(3);
    const atEnd = beats;
    await sleep(120);
    expect(beats).toBe(atEnd);
  });

  it('just runs the step outside an activity, and passes its failure on', async () => {
    expect(await heartbeatWhile(async () => 42)).toBe(42);
    await expect(
      heartbeatWhile(async () => {
        throw new Error('Discord is down');
      }),
    ).rejects.toThrow('Discord is down');
  });
});
