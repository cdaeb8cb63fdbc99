import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { assignTicket, closeTicket, replyReceived } from '../../workflows/ticket/definitions.ts';
import type { RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
/** Opening and welcoming a ticket take about 40 events; replies take the history past this. */
const CAP = 60;

function replyId(i: number): string {
  return `7100000000000${String(i).padStart(5, '0')}`;
}

/** How many storeMessages calls carried each message id, across every run of the ticket. */
function storesPerMessage(fake: RecordingTicketActivities): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of fake.calls.filter((c) => c.name === 'storeMessages')) {
    for (const message of (call.input as { messages: { id: string }[] }).messages) {
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
    }
  }
  return counts;
}

/** Fails instead of waiting forever, so a hung ticket is a failed test, not a stuck suite. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms).then(() => {
      throw new Error(`${what} did not answer within ${ms} ms`);
    }),
  ]);
}

describe('continue-as-new while the ticket is busy', () => {
  it('answers a close that arrives while a long ticket waits to continue as new', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open(undefined, undefined, { continueAsNewAfterEvents: CAP });
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);

      // The first batch of replies is being stored when the history passes the cap, so the ticket stops to
      // continue as new and waits for that store; the close arrives right then.
      const releaseStores = fake.hold('storeMessages');
      await handle.signal(replyReceived, reply(replyId(0), Date.now()));
      await eventually(() => expect(fake.calls.some((c) => c.name === 'storeMessages')).toBe(true));
      for (let i = 1; i < CAP; i += 1) await handle.signal(replyReceived, reply(replyId(i), Date.now()));
      await eventually(async () => expect((await handle.describe()).historyLength).toBeGreaterThan(CAP));
      await sleep(500);
      const closing = handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'done' }] });
      await sleep(500);
      releaseStores();

      expect(await within(closing, 20_000, 'the close')).toMatchObject({ outcome: 'closed' });
      expect(await within(handle.result(), 20_000, 'the ticket')).toMatchObject({ outcome: 'closed' });
      expect([...storesPerMessage(fake).values()].every((count) => count === 1)).toBe(true);
      expect(fake.messages.size).toBe(CAP);
      expect(fake.renders.at(-1)?.messageIds).toHaveLength(CAP);
    }));

  it('carries replies that arrive while it waits for a staff action into the next run, storing each once', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open(undefined, undefined, { continueAsNewAfterEvents: CAP });
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const firstRunId = (await handle.describe()).runId;
      await noticesPosted(fake, 'welcome', 1);

      // A staff action is still writing when the history passes the cap: the ticket waits for it to finish before
      // it continues as new, and replies keep coming meanwhile.
      const releaseWrites = fake.hold('recordTicketChange');
      const assigning = handle.executeUpdate(assignTicket, {
        args: [{ actor: staffActor, assigneeId: staffActor.id }],
      });
      await eventually(() => expect(fake.calls.some((c) => c.name === 'recordTicketChange')).toBe(true));
      for (let i = 0; i < CAP; i += 1) await handle.signal(replyReceived, reply(replyId(i), Date.now()));
      await eventually(async () => expect((await handle.describe()).historyLength).toBeGreaterThan(CAP));
      await sleep(500);
      for (let i = CAP; i < CAP + 10; i += 1) await handle.signal(replyReceived, reply(replyId(i), Date.now()));
      releaseWrites();
      await assigning;

      await eventually(async () => expect((await handle.describe()).runId).not.toBe(firstRunId));
      await eventually(() => expect(fake.messages.size).toBe(CAP + 10));
      const stores = storesPerMessage(fake);
      expect(stores.size).toBe(CAP + 10);
      expect([...stores.values()].every((count) => count === 1)).toBe(true);
      expect(fake.eventKinds().filter((kind) => kind === 'replied')).toHaveLength(CAP + 10);
    }));
});
