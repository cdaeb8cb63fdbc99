import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { creator, guildId, strangerActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run ticket -- ARGS` as its own process, as an operator's script runs it, judged by its exit status. */
async function ticketCli(args: string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'cli/ticket.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run ticket exit status', () => {
  const suite = timeSkippingSuite();
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.cleanup();
  });

  const opener = ['--guild', guildId, '--member-id', creator.id, '--member-name', creator.name];

  it('exits 0 with the ticket when it opens, and 1 with the reason on stderr when the open is refused', async () => {
    await suite.withWorker(async (harness) => {
      const env = {
        TEMPORAL_ADDRESS: suite.env().address,
        TEMPORAL_TASK_QUEUE: harness.taskQueue,
        DATABASE_URL: db.url,
      };
      const opened = await ticketCli(['open', '--type', 'support', ...opener], env);
      expect(opened.code).toBe(0);
      expect(JSON.parse(opened.stdout)).toMatchObject({ outcome: 'opened', number: 1 });

      harness.fake.refusal = { outcome: 'refused', code: 'unknown_type', message: 'There is no ticket type "nosuch".' };
      const refused = await ticketCli(['open', '--type', 'nosuch', ...opener], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe('refused: There is no ticket type "nosuch".\n');
      expect(JSON.parse(refused.stdout)).toMatchObject({ outcome: 'refused', code: 'unknown_type' });

      const workflowId = JSON.parse(opened.stdout).workflowId as string;
      const closedByStranger = await ticketCli(
        ['close', workflowId, '--guild', guildId, '--as', strangerActor.id, '--reason', 'not mine'],
        env,
      );
      expect(closedByStranger.code).toBe(1);
      expect(closedByStranger.stderr).toMatch(/^refused: /);

      expect((await ticketCli(['show', 'ticket:no-such-ticket'], env)).code).toBe(1);
    });
  });
});
