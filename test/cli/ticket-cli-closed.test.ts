import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { startTimeSkippingServer } from '../support/temporal.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const GUILD = '100000000000000001';
const ALICE = '100000000000000002';
const SAM = '100000000000000003';
const closedAt = new Date('2026-11-20T10:30:00Z');

/** `npm run ticket -- ARGS` as its own process, as an operator runs it. */
async function ticketCli(args: string[], env: NodeJS.ProcessEnv) {
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

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await createGuildConfigRepository(db.prisma, DEFAULT_PLANS).saveGuildConfig(GUILD, permissiveGuildDirectory, {
    ticketChannelId: '100000000000000009',
    ticketTypes: [{ key: 'support', name: 'Support' }],
  });
  const row = {
    guildId: GUILD,
    typeKey: 'support',
    typeName: 'Support',
    creatorId: ALICE,
    creatorName: 'alice',
    answers: [],
    settings: {},
    openedAt: new Date('2026-11-19T09:00:00Z'),
    lastActivityAt: closedAt,
  };
  await db.prisma.ticket.createMany({
    data: [
      {
        ...row,
        number: 7,
        workflowId: 'ticket:closed-seven',
        status: 'closed',
        closedAt,
        closedById: ALICE,
        closeReason: 'Solved, thanks',
      },
      { ...row, number: 8, workflowId: 'ticket:ended-eight', status: 'open' },
    ],
  });
});

afterAll(async () => {
  await db?.cleanup();
});

describe('npm run ticket on a closed ticket', () => {
  it('answers close and show from the row, without reaching for the ended workflow', async () => {
    // Nothing listens on this Temporal address: a command that asked the workflow would fail, after 20 s.
    const env = { TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`, DATABASE_URL: db.url };
    const closed = await ticketCli(['close', 'ticket:closed-seven', '--guild', GUILD, '--as', SAM, '--staff'], env);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toEqual({
      outcome: 'already_closed',
      number: 7,
      closure: { reason: 'Solved, thanks', closedById: ALICE, closedAt: closedAt.getTime(), automatic: false },
    });
    expect(closed.stderr).toBe(
      `ticket #7 was closed by ${ALICE} at 2026-11-20T10:30:00.000Z (reason: "Solved, thanks"); nothing was changed\n`,
    );

    const shown = await ticketCli(['show', 'ticket:closed-seven'], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      source: 'record',
      number: 7,
      status: 'closed',
      closure: { reason: 'Solved, thanks', closedById: ALICE, closedAt: closedAt.getTime() },
    });
  }, 60_000);

  it('says nothing changed when the row says open but the workflow has ended', async () => {
    const temporal = await startTimeSkippingServer();
    try {
      const env = { TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: db.url };
      const closed = await ticketCli(['close', 'ticket:ended-eight', '--guild', GUILD, '--as', SAM, '--staff'], env);
      expect(closed).toMatchObject({
        code: 1,
        stderr: 'the workflow of ticket:ended-eight has ended; nothing was changed\n',
      });
    } finally {
      await temporal.teardown();
    }
  }, 120_000);
});
