import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Actor, OpenTicketRequest, TicketMessage, TicketNotice } from '../../domain/ticket.ts';
import { openTicketWorkflow, ticketWorkflowId } from '../../temporal/ticket-client.ts';
import {
  getTicketState,
  type OpenTicketResult,
  openTicket,
  type TicketView,
} from '../../workflows/ticket/definitions.ts';
import { RecordingTicketActivities } from './recording-ticket-activities.ts';

export const guildId = '100000000000000001';
export const creator = { id: '500000000000000001', name: 'alice' };
export const staffActor: Actor = { id: '400000000000000001', name: 'sam', isStaff: true };
export const creatorActor: Actor = { ...creator, isStaff: false };
export const strangerActor: Actor = { id: '500000000000000099', name: 'mallory', isStaff: false };

export function supportRequest(overrides: Partial<OpenTicketRequest> = {}): OpenTicketRequest {
  return {
    guildId,
    type: 'support',
    creator,
    answers: [{ question: 'What do you need help with?', answer: 'My order never arrived.' }],
    ...overrides,
  };
}

export interface TicketHarness {
  fake: RecordingTicketActivities;
  taskQueue: string;
  open(
    request?: OpenTicketRequest,
    requestId?: string,
    options?: { continueAsNewAfterEvents?: number },
  ): Promise<OpenTicketResult & { workflowId: string }>;
  state(workflowId: string): Promise<TicketView>;
}

/** Runs `body` with a worker whose activities are a fresh recording fake, on its own task queue. */
export async function withTicketWorker<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  body: (harness: TicketHarness) => Promise<T>,
  configure: (fake: RecordingTicketActivities) => void = () => {},
): Promise<T> {
  const fake = new RecordingTicketActivities();
  configure(fake);
  const taskQueue = `tickets-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: bundle,
    activities: fake.activities,
  });
  const started: string[] = [];
  const harness: TicketHarness = {
    fake,
    taskQueue,
    async open(request = supportRequest(), requestId = randomUUID(), options = {}) {
      const workflowId = ticketWorkflowId(request.guildId, requestId);
      started.push(workflowId);
      if (options.continueAsNewAfterEvents) {
        return openWithHistoryCap(env, request, workflowId, taskQueue, options.continueAsNewAfterEvents);
      }
      const result = await openTicketWorkflow(env.client, { request, requestId, taskQueue });
      return { ...result, workflowId };
    },
    state: (workflowId) => env.client.workflow.getHandle(workflowId).query(getTicketState),
  };
  return worker.runUntil(async () => {
    try {
      return await body(harness);
    } finally {
      await terminateStillRunning(env, started);
    }
  });
}

/**
 * A ticket left open would fire its timers after this test's worker is gone; the time-skipping server
 * then waits for a worker that never comes and stops skipping time for every later test. An activity still
 * running when its workflow is terminated holds time skipping too (a closed ticket messages its creator at
 * once), and so does a workflow task, so a ticket is terminated only once it runs neither, or after a few seconds.
 */
export async function terminateStillRunning(env: TestWorkflowEnvironment, workflowIds: string[]): Promise<void> {
  for (const workflowId of new Set(workflowIds)) {
    const handle = env.client.workflow.getHandle(workflowId);
    const running = async () => {
      const described = await handle.describe().catch(() => null);
      return described?.status.name === 'RUNNING' ? described : null;
    };
    await eventually(async () => {
      const described = await running();
      if (described?.raw.pendingActivities?.length) throw new Error('an activity is still running');
      if (described?.raw.pendingWorkflowTask) throw new Error('a workflow task is still running');
    }, 5_000).catch(() => undefined);
    if (await running()) await handle.terminate('test finished');
  }
}

/** The same start as the client's, with the test-only history cap that forces continue-as-new early. */
async function openWithHistoryCap(
  env: TestWorkflowEnvironment,
  request: OpenTicketRequest,
  workflowId: string,
  taskQueue: string,
  continueAsNewAfterEvents: number,
): Promise<OpenTicketResult & { workflowId: string }> {
  await env.client.workflow.start('ticketWorkflow', {
    workflowId,
    taskQueue,
    args: [{ request, continueAsNewAfterEvents }],
  });
  const result = await env.client.workflow.getHandle(workflowId).executeUpdate(openTicket);
  return { ...result, workflowId };
}

/** Polls in real time (workflow time stays locked) until the check passes. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      lastError = err;
      if (Date.now() > deadline) throw lastError;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A reply by the ticket's creator, as the bot would signal it. */
export function reply(id: string, at: number, author: { id: string; name: string } = creator): TicketMessage {
  return {
    id,
    authorId: author.id,
    authorName: author.name,
    authorIsBot: false,
    content: `message ${id}`,
    attachments: [],
    createdAt: at,
    editedAt: null,
  };
}

/** Waits until the fake has posted exactly `count` notices of this kind, and returns them. */
export function noticesPosted(fake: RecordingTicketActivities, kind: TicketNotice['kind'], count: number) {
  return eventually(() => {
    const posted = fake.notice(kind);
    if (posted.length !== count) throw new Error(`expected ${count} ${kind} notices, found ${posted.length}`);
    return posted;
  });
}
