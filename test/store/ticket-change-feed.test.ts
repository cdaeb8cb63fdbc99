import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { InputError } from '../../store/input-error.ts';
import {
  startTicketChangeFeed,
  type TicketChangeExpiry,
  type TicketChangeFeed,
  type TicketChangeSubscriptionOptions,
} from '../../store/ticket-change-feed.ts';
import { latestChangeId, pruneTicketChanges, type TicketChange } from '../../store/ticket-change-log.ts';
import { createLogger } from '../../telemetry/logger.ts';
import { expectRegistered, guildConfigInput, message, newSnowflake, openRequest } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { eventually } from '../support/ticket-harness.ts';

let database: TestDatabase;
let activities: DatabaseActivities;
let feed: TicketChangeFeed;
const logLines: string[] = [];
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createDatabaseActivities(database.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
  feed = await startFeed();
});

afterAll(async () => {
  await feed?.close();
  await database?.cleanup();
});

/** A feed as a web process starts it, logging into logLines. */
function startFeed(): Promise<TicketChangeFeed> {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  return startTicketChangeFeed({
    connectionString: database.url,
    prisma: database.prisma,
    logger: createLogger('change-feed-test', 'info', destination),
    reconnectDelayMs: 50,
  });
}

async function newGuild(): Promise<string> {
  const guildId = newSnowflake();
  await createGuildConfigRepository(database.prisma, DEFAULT_PLANS).saveGuildConfig(
    guildId,
    permissiveGuildDirectory,
    guildConfigInput({ openCooldownSeconds: 0 }),
  );
  return guildId;
}

async function openTicket(
  guildId: string,
  creatorId = newSnowflake(),
): Promise<{ ticketId: string; creatorId: string }> {
  const registration = expectRegistered(
    await activities.registerTicket({
      workflowId: `wf-${newSnowflake()}`,
      request: openRequest(guildId, creatorId),
      openedAt: T0,
    }),
  );
  return { ticketId: registration.ticketId, creatorId };
}

interface Collected {
  changes: TicketChange[];
  expired: TicketChangeExpiry[];
  close(): void;
  ready: Promise<void>;
}

function collect(
  guildId: string,
  options: Omit<TicketChangeSubscriptionOptions, 'onChange' | 'onExpired'> = {},
  on: TicketChangeFeed = feed,
): Collected {
  const changes: TicketChange[] = [];
  const expired: TicketChangeExpiry[] = [];
  const subscription = on.subscribe(guildId, {
    ...options,
    onChange: (change) => changes.push(change),
    onExpired: (expiry) => expired.push(expiry),
  });
  return { changes, expired, close: subscription.close, ready: subscription.ready };
}

async function storedChanges(guildId: string, afterId = 0): Promise<{ id: number; kind: string }[]> {
  const rows = await database.prisma.ticketChange.findMany({
    where: { guildId, id: { gt: afterId } },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({ id: Number(row.id), kind: row.kind }));
}

/** A transaction that updated the ticket row and is left open: its change is recorded when it commits. */
async function transactionLeftOpen(guildId: string, ticketId: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`UPDATE ticket SET close_reason = 'left open' WHERE guild_id = $1 AND id = $2`, [
    guildId,
    ticketId,
  ]);
  return client;
}

describe('ticket_change triggers', () => {
  it('record every write of the store, once, and nothing for a retried write', async () => {
    const guildId = await newGuild();
    const { ticketId } = await openTicket(guildId);
    const first = message({ createdAt: T0 + 1_000, content: 'hello' });
    await activities.storeMessages({ guildId, ticketId, messages: [first] });
    await activities.storeMessages({ guildId, ticketId, messages: [first] });
    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [{ ...first, content: 'hello, edited', editedAt: T0 + 2_000 }],
    });
    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [],
      deletions: [{ messageId: first.id, deletedAt: T0 + 3_000 }],
    });
    const staffId = newSnowflake();
    await activities.recordTicketChange({
      guildId,
      ticketId,
      event: { key: 'assigned:1', kind: 'assigned', actorId: staffId, at: T0 + 4_000 },
      patch: { assigneeId: staffId },
    });
    await activities.recordTicketChange({
      guildId,
      ticketId,
      event: { key: 'assigned:1', kind: 'assigned', actorId: staffId, at: T0 + 4_000 },
      patch: { assigneeId: staffId },
    });

    const changes = await database.prisma.ticketChange.findMany({ where: { guildId }, orderBy: { id: 'asc' } });
    expect(changes.map((change) => change.kind)).toEqual([
      'ticket_created',
      'event_added',
      'message_created',
      'event_added',
      'ticket_updated',
      'message_edited',
      'ticket_updated',
      'message_deleted',
      'event_added',
      'ticket_updated',
    ]);
    expect(changes.every((change) => change.ticketId === ticketId)).toBe(true);
    expect(changes[0]?.subjectId).toBe(ticketId);
    expect(changes[2]?.subjectId).toBe(first.id);
  });

  it('give a transaction that commits later a larger id than one that committed before it', async () => {
    const guildId = await newGuild();
    const { ticketId } = await openTicket(guildId);
    const { ticketId: otherTicketId } = await openTicket(guildId);
    const live = collect(guildId);
    await live.ready;
    // early writes first but commits last; its change must still come after the one committed in between.
    const early = await transactionLeftOpen(guildId, ticketId);
    try {
      await activities.storeMessages({
        guildId,
        ticketId: otherTicketId,
        messages: [message({ createdAt: T0 + 5_000 })],
      });
      const committedBetween = (await storedChanges(guildId)).at(-1)?.id ?? 0;
      await eventually(() => expect(live.changes.at(-1)?.id).toBe(committedBetween));
      await early.query('COMMIT');
      const late = await eventually(() => {
        const change = live.changes.find((candidate) => candidate.subjectId === ticketId);
        if (!change) throw new Error('the early transaction’s change has not arrived');
        return change;
      });
      expect(late.kind).toBe('ticket_updated');
      expect(late.id).toBeGreaterThan(committedBetween);
      expect(live.changes.at(-1)).toBe(late);
    } finally {
      await early.end();
      live.close();
    }
  });

  it('make a second writer of the guild wait for the first to commit once the first holds its id', async () => {
    const guildId = await newGuild();
    const { ticketId } = await openTicket(guildId);
    const { ticketId: otherTicketId } = await openTicket(guildId);
    const first = await transactionLeftOpen(guildId, ticketId);
    try {
      // Fires the deferred trigger now: first takes its id and the guild's lock, and keeps both until it commits.
      await first.query('SET CONSTRAINTS ALL IMMEDIATE');
      let secondDone = false;
      const second = activities
        .storeMessages({ guildId, ticketId: otherTicketId, messages: [message({ createdAt: T0 + 6_000 })] })
        .then(() => {
          secondDone = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false);
      await first.query('COMMIT');
      await second;
      const changes = await storedChanges(guildId);
      const firstChange = changes.findIndex((change) => change.kind === 'ticket_updated');
      expect(firstChange).toBeGreaterThan(-1);
      expect(changes.slice(firstChange + 1).map((change) => change.kind)).toContain('message_created');
    } finally {
      await first.end();
    }
  });
});

describe('startTicketChangeFeed', () => {
  it('delivers a guild’s changes as they commit, in order, with who opened the ticket', async () => {
    const guildId = await newGuild();
    const live = collect(guildId);
    await live.ready;
    const { ticketId, creatorId } = await openTicket(guildId);
    await eventually(() =>
      expect(live.changes.map((change) => change.kind)).toEqual(['ticket_created', 'event_added']),
    );
    expect(live.changes[0]).toEqual({
      id: expect.any(Number),
      guildId,
      ticketId,
      creatorId,
      kind: 'ticket_created',
      subjectId: ticketId,
      at: expect.any(Date),
    });
    live.close();
  });

  it('resumes after any id without missing or repeating a change while several writers commit', async () => {
    const guildId = await newGuild();
    const tickets = await Promise.all(Array.from({ length: 6 }, () => openTicket(guildId)));
    const start = await latestChangeId(database.prisma, guildId);
    const second = await startFeed();
    // One subscriber stays; another drops and resumes from its last id, alternating between two processes' feeds.
    const steady = collect(guildId, { afterId: start });
    const resumed: TicketChange[] = [];
    let stopResuming = false;
    const resuming = (async () => {
      let on = feed;
      while (!stopResuming) {
        const afterId = resumed.at(-1)?.id ?? start;
        const subscription = collect(guildId, { afterId }, on);
        await subscription.ready;
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
        subscription.close();
        resumed.push(...subscription.changes);
        on = on === feed ? second : feed;
      }
    })();
    await Promise.all(
      tickets.map(async ({ ticketId }, writer) => {
        for (let index = 0; index < 15; index += 1) {
          await activities.storeMessages({
            guildId,
            ticketId,
            messages: [message({ createdAt: T0 + 10_000 + writer * 1_000 + index, content: `w${writer} m${index}` })],
          });
        }
      }),
    );
    const expected = (await storedChanges(guildId, start)).map((change) => change.id);
    expect(expected).toHaveLength(6 * 15 * 3);
    await eventually(() => expect(steady.changes.map((change) => change.id)).toEqual(expected));
    stopResuming = true;
    await resuming;
    const tail = collect(guildId, { afterId: resumed.at(-1)?.id ?? start });
    await tail.ready;
    await eventually(() => expect([...resumed, ...tail.changes].map((change) => change.id)).toEqual(expected));
    steady.close();
    tail.close();
    await second.close();
  });

  it('reconnects a lost LISTEN connection and delivers what committed meanwhile', async () => {
    const guildId = await newGuild();
    const live = collect(guildId);
    await live.ready;
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const killed = await admin.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE application_name = 'ticketflow-change-feed' AND datname = current_database()
            AND query LIKE 'LISTEN%'`,
      );
      expect(killed.rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Written while the feed may still be reconnecting: no notification reaches it, the read after reconnecting does.
    await openTicket(guildId);
    await eventually(() =>
      expect(live.changes.map((change) => change.kind)).toEqual(['ticket_created', 'event_added']),
    );
    await eventually(() => expect(feed.listening).toBe(true));
    expect(logLines.some((line) => line.includes('lost its LISTEN connection'))).toBe(true);
    live.close();
  });

  it('shows a member only the changes of tickets they opened, and a ticket subscription only that ticket', async () => {
    const guildId = await newGuild();
    const member = newSnowflake();
    const mine = collect(guildId, { creatorId: member });
    const all = collect(guildId);
    await Promise.all([mine.ready, all.ready]);
    const own = await openTicket(guildId, member);
    const other = await openTicket(guildId);
    const oneTicket = collect(guildId, { ticketId: other.ticketId });
    await oneTicket.ready;
    await activities.storeMessages({ guildId, ticketId: other.ticketId, messages: [message({ createdAt: T0 + 1 })] });
    await activities.storeMessages({ guildId, ticketId: own.ticketId, messages: [message({ createdAt: T0 + 2 })] });
    await eventually(() => expect(all.changes).toHaveLength(2 + 2 + 3 + 3));
    await eventually(() => expect(mine.changes).toHaveLength(2 + 3));
    expect(mine.changes.every((change) => change.ticketId === own.ticketId && change.creatorId === member)).toBe(true);
    expect(oneTicket.changes.map((change) => change.ticketId)).toEqual([
      other.ticketId,
      other.ticketId,
      other.ticketId,
    ]);
    for (const subscription of [mine, all, oneTicket]) subscription.close();
  });

  it('never delivers another guild’s changes', async () => {
    const [guildA, guildB] = [await newGuild(), await newGuild()];
    const inA = collect(guildA);
    await inA.ready;
    await openTicket(guildB);
    await openTicket(guildA);
    await eventually(() => expect(inA.changes).toHaveLength(2));
    await openTicket(guildB);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inA.changes.every((change) => change.guildId === guildA)).toBe(true);
    expect(inA.changes).toHaveLength(2);
    inA.close();
  });

  it('expires a resume from before the pruned horizon, or from an id never recorded', async () => {
    const guildId = await newGuild();
    await openTicket(guildId);
    const before = await latestChangeId(database.prisma, guildId);
    const pruned = await pruneTicketChanges(database.prisma, { olderThan: new Date(Date.now() + 60_000) });
    expect(pruned.pruned).toBeGreaterThan(0);
    expect(pruned.prunedThrough).toBeGreaterThanOrEqual(before);
    expect(await database.prisma.ticketChange.count()).toBe(0);

    const stale = collect(guildId, { afterId: before - 1 });
    await stale.ready;
    expect(stale.expired).toEqual([{ afterId: before - 1, reason: 'pruned' }]);
    const future = collect(guildId, { afterId: pruned.prunedThrough + 1_000 });
    await future.ready;
    expect(future.expired).toEqual([{ afterId: pruned.prunedThrough + 1_000, reason: 'unknown' }]);

    // latestChangeId never falls below the horizon, so a fresh page's position resumes fine.
    const fresh = collect(guildId, { afterId: await latestChangeId(database.prisma, guildId) });
    await fresh.ready;
    await openTicket(guildId);
    await eventually(() => expect(fresh.changes).toHaveLength(2));
    expect(fresh.expired).toEqual([]);
    fresh.close();
  });

  it('keeps what is newer than the cut when pruning', async () => {
    const guildId = await newGuild();
    await openTicket(guildId);
    const kept = await storedChanges(guildId);
    const result = await pruneTicketChanges(database.prisma, { olderThan: new Date(Date.now() - 60_000) });
    expect(result.pruned).toBe(0);
    expect(await storedChanges(guildId)).toEqual(kept);
  });

  it('prunes what is older than a day, at start and then every interval', async () => {
    // Kept changes are a tail of ids: clear the table, then an old change, then new ones.
    await pruneTicketChanges(database.prisma, { olderThan: new Date(Date.now() + 60_000) });
    const guildId = await newGuild();
    const old = await database.prisma.ticketChange.create({
      data: {
        guildId,
        ticketId: 'an-old-ticket',
        kind: 'ticket_updated',
        subjectId: 'an-old-ticket',
        at: new Date(Date.now() - 25 * 3_600_000),
      },
    });
    await openTicket(guildId);
    const pruning = await startTicketChangeFeed({
      connectionString: database.url,
      prisma: database.prisma,
      logger: createLogger('change-feed-test', 'silent'),
      pruneIntervalMs: 50,
    });
    try {
      await eventually(async () =>
        expect(await database.prisma.ticketChange.findUnique({ where: { id: old.id } })).toBeNull(),
      );
      expect(await database.prisma.ticketChange.count({ where: { guildId } })).toBe(2);
    } finally {
      await pruning.close();
    }
  });

  it('refuses a subscription with bad input, naming each field', () => {
    const subscribe = () =>
      feed.subscribe('guild', {
        afterId: -1,
        ticketId: 'nope',
        creatorId: 'me',
        onChange: () => {},
        onExpired: () => {},
      });
    expect(subscribe).toThrow(InputError);
    try {
      subscribe();
    } catch (error) {
      expect((error as InputError).problems.map((problem) => problem.path)).toEqual([
        'guildId',
        'afterId',
        'ticketId',
        'creatorId',
      ]);
    }
  });
});
