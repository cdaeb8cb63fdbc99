import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetentionActivities } from '../../../activities/retention/create-retention-activities.ts';
import { DAY_MS } from '../../../domain/plan-limits.ts';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import type { ProviderSubscription } from '../../../domain/subscription.ts';
import { grantManualEntitlement } from '../../../store/entitlements/manual-entitlements.ts';
import { grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { FileTranscriptStorage } from '../../../transcripts/fs-storage.ts';
import { transcriptKey } from '../../../transcripts/keys.ts';
import type { TranscriptStorage } from '../../../transcripts/storage.ts';
import type { RetentionRunResult } from '../../../workflows/retention/definitions.ts';
import { retentionWorkflow } from '../../../workflows/retention/retention-workflow.ts';
import { configuredGuild, newSnowflake } from '../../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { freePort } from '../../support/free-port.ts';
import { bundleTicketWorkflows, startDevServer } from '../../support/temporal.ts';

const OPERATOR = '300000000000000001';
const HOUR = 3_600_000;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;
let db: TestDatabase;
let root: string;
let storage: FileTranscriptStorage;
const now = Date.now();
const daysAgo = (days: number) => now - days * DAY_MS;

beforeAll(async () => {
  // The dev server, whose clock is the real one: the run has no timers, and its `asOf` is when it starts. It
  // upserts no search attributes.
  [env, bundle, db, root] = await Promise.all([
    freePort().then((port) => startDevServer(port, [])),
    bundleTicketWorkflows(),
    createTestDatabase(),
    mkdtemp(join(tmpdir(), 'ticketflow-retention-')),
  ]);
  storage = new FileTranscriptStorage(root);
}, 120_000);

afterAll(async () => {
  await env?.teardown();
  await db?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

const guild = () => configuredGuild(db.prisma);

interface Seeded {
  guildId: string;
  ticketId: string;
  key: string;
  media: string | null;
}

/** A ticket with two stored messages; closed ones `closedDaysAgo` with their transcript and a picture, if asked. */
async function ticket(
  guildId: string,
  number: number,
  options: { closedDaysAgo?: number; transcript?: boolean; openedDaysAgo?: number },
): Promise<Seeded> {
  const closedAt = options.closedDaysAgo === undefined ? null : new Date(daysAgo(options.closedDaysAgo));
  const openedAt = new Date(daysAgo(options.openedDaysAgo ?? (options.closedDaysAgo ?? 0) + 1));
  const key = transcriptKey({ guildId, number });
  const withTranscript = closedAt !== null && options.transcript !== false;
  const row = await db.prisma.ticket.create({
    data: {
      guildId,
      number,
      workflowId: `ticket-${guildId}-${number}`,
      typeKey: 'support',
      typeName: 'Support',
      creatorId: newSnowflake(),
      creatorName: 'member',
      answers: [{ question: 'What happened?', answer: 'It broke.' }],
      settings: {},
      openedAt,
      lastActivityAt: closedAt ?? openedAt,
      status: closedAt ? 'closed' : 'open',
      closedAt,
      transcriptKey: withTranscript ? key : null,
    },
  });
  await db.prisma.ticketMessage.createMany({
    data: [1, 2].map((index) => ({
      id: newSnowflake(),
      guildId,
      ticketId: row.id,
      authorId: newSnowflake(),
      authorName: 'member',
      authorIsBot: false,
      content: `message ${index}`,
      attachments: [],
      createdAt: new Date(openedAt.getTime() + index * HOUR),
    })),
  });
  let media: string | null = null;
  if (withTranscript) {
    await storage.writeTranscript(key, ['{"format":"ticketflow-transcript"}']);
    media = await storage.putMedia(key, Buffer.from(`picture of ${key}`), 'png');
  }
  return { guildId, ticketId: row.id, key, media };
}

async function contentOf({ guildId, ticketId, key, media }: Seeded) {
  const row = await db.prisma.ticket.findUniqueOrThrow({ where: { guildId_id: { guildId, id: ticketId } } });
  return {
    transcriptKey: row.transcriptKey,
    messages: await db.prisma.ticketMessage.count({ where: { guildId, ticketId } }),
    transcript: await storage.hasTranscript(key),
    media: media === null ? null : (await storage.readMedia(media)) !== null,
  };
}

const deleted = { transcriptKey: null, messages: 0, transcript: false, media: false };

function subscription(guildId: string, overrides: Partial<ProviderSubscription>): ProviderSubscription {
  return {
    provider: 'stripe',
    subscriptionId: `sub_${guildId}`,
    customerId: `cus_${guildId}`,
    holder: { kind: 'guild', guildId },
    plan: 'pro',
    status: 'active',
    currentPeriodStart: daysAgo(40),
    currentPeriodEnd: daysAgo(10),
    trialEnd: null,
    paymentFailedAt: null,
    endedAt: null,
    price: { amountMinor: 900, currency: 'usd', interval: 'month' },
    ...overrides,
  };
}

async function runRetention(): Promise<RetentionRunResult> {
  const taskQueue = `retention-${newSnowflake()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: createRetentionActivities({ prisma: db.prisma, storage, plans: DEFAULT_PLANS }),
  });
  return worker.runUntil(
    env.client.workflow.execute(retentionWorkflow, { taskQueue, workflowId: `retention-${newSnowflake()}`, args: [] }),
  );
}

describe('the retention workflow', () => {
  it('deletes exactly what is past the best plan held since each close, once', async () => {
    // Free all along: 7 days.
    const free = await guild();
    const freeExpired = await ticket(free, 1, { closedDaysAgo: 8 });
    const freeNoTranscript = await ticket(free, 2, { closedDaysAgo: 8, transcript: false });
    const freeRecent = await ticket(free, 3, { closedDaysAgo: 6 });
    const freeOpen = await ticket(free, 4, { openedDaysAgo: 40 });

    // Pro from 40 until 10 days ago, free since: a downgrade.
    const downgraded = await guild();
    await grantProviderEntitlement(db.prisma, { subscription: subscription(downgraded, {}), grantsUntil: daysAgo(10) });
    const closedDuringPro = await ticket(downgraded, 1, { closedDaysAgo: 20 });
    const pastPro = await ticket(downgraded, 2, { closedDaysAgo: 35 });
    const closedAfterPro = await ticket(downgraded, 3, { closedDaysAgo: 9 });

    // Enterprise for a year, changed to pro in place (one entitlement row, its plan overwritten): its audit keeps it.
    const planChanged = await guild();
    const yearly = subscription(planChanged, { plan: 'enterprise', currentPeriodStart: daysAgo(400) });
    await grantProviderEntitlement(db.prisma, { subscription: yearly, grantsUntil: now + 20 * DAY_MS });
    await grantProviderEntitlement(db.prisma, {
      subscription: { ...yearly, plan: 'pro' },
      grantsUntil: now + 20 * DAY_MS,
    });
    const closedDuringEnterprise = await ticket(planChanged, 1, { closedDaysAgo: 100 });

    // Pro now, for two months: 30 days.
    const pro = await guild();
    await grantManualEntitlement(db.prisma, {
      holder: { kind: 'guild', guildId: pro },
      plan: 'pro',
      startsAt: new Date(daysAgo(60)),
      endsAt: null,
      reason: 'retention test',
      operatorId: OPERATOR,
    });
    const proRecent = await ticket(pro, 1, { closedDaysAgo: 20 });
    const proExpired = await ticket(pro, 2, { closedDaysAgo: 31 });

    const first = await runRetention();

    expect(first).toMatchObject({ guilds: 4, failedGuilds: 0, tickets: 5, messages: 10, files: 8, kept: 2 });
    for (const gone of [freeExpired, pastPro, closedAfterPro, proExpired])
      expect(await contentOf(gone)).toEqual(deleted);
    expect(await contentOf(freeNoTranscript)).toEqual({ ...deleted, media: null });
    for (const kept of [freeRecent, closedDuringPro, closedDuringEnterprise, proRecent]) {
      expect(await contentOf(kept)).toEqual({ transcriptKey: kept.key, messages: 2, transcript: true, media: true });
    }
    expect(await contentOf(freeOpen)).toEqual({ transcriptKey: null, messages: 2, transcript: false, media: null });
    // The rows stay: numbers, answers and the panel's list are unchanged.
    expect(await db.prisma.ticket.count({ where: { guildId: { in: [free, downgraded, planChanged, pro] } } })).toBe(10);

    const second = await runRetention();
    expect(second).toMatchObject({ guilds: 4, failedGuilds: 0, tickets: 0, messages: 0, files: 0, kept: 2 });
  });

  it('resumes a pass that failed midway from its last heartbeat, deleting and counting each ticket once', async () => {
    const guildId = await guild();
    const expired = [await ticket(guildId, 1, { closedDaysAgo: 12 }), await ticket(guildId, 2, { closedDaysAgo: 11 })];
    expired.push(await ticket(guildId, 3, { closedDaysAgo: 10 }));
    // Transcript storage becomes unreachable at the second ticket, for one call.
    let deletes = 0;
    const flaky: TranscriptStorage = Object.assign(Object.create(storage), {
      deleteTranscript: (key: string) => {
        deletes += 1;
        return deletes === 2 ? Promise.reject(new Error('storage unreachable')) : storage.deleteTranscript(key);
      },
    });
    const activities = createRetentionActivities({ prisma: db.prisma, storage: flaky, plans: DEFAULT_PLANS });
    const input = { guildId, asOf: Date.now() };
    const heartbeats: unknown[] = [];
    const firstAttempt = new MockActivityEnvironment();
    firstAttempt.on('heartbeat', (details: unknown) => heartbeats.push(details));

    await expect(firstAttempt.run(activities.purgeExpiredTickets, input)).rejects.toThrow('storage unreachable');
    expect(heartbeats).toHaveLength(1);
    expect(await contentOf(expired[0] as Seeded)).toEqual(deleted);
    expect(await contentOf(expired[1] as Seeded)).toMatchObject({ messages: 2, transcript: true });

    const retry = new MockActivityEnvironment({ heartbeatDetails: heartbeats.at(-1) });
    expect(await retry.run(activities.purgeExpiredTickets, input)).toEqual({
      guildId,
      tickets: 3,
      messages: 6,
      files: 6,
      kept: 0,
    });
    for (const gone of expired) expect(await contentOf(gone)).toEqual(deleted);
  });
});
