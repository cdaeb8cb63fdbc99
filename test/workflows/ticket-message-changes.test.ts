import { describe, expect, it } from 'vitest';
import type { TicketMessage } from '../../domain/ticket.ts';
import { messageDeleted, messageEdited, replyReceived } from '../../workflows/ticket/definitions.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;

/** Timers fire a few milliseconds after their deadline, at the next workflow task. */
function expectNear(actual: number | false | undefined, expected: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected);
  expect(actual).toBeLessThan(expected + 5_000);
}

/** Lets the worker finish whatever a signal or fired timer started, in real time, before a negative check. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const edit = (message: TicketMessage, content: string, editedAt: number): TicketMessage => ({
  ...message,
  content,
  editedAt,
});

describe('edited messages', () => {
  it('stores the newest version without counting a reply, and a person editing restarts the idle window', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const openedAt = (await state(workflowId)).openedAt;
      const original = reply('610000000000000001', openedAt + 1_000);
      await handle.signal(replyReceived, original);
      await eventually(() => expect(fake.messages.size).toBe(1));

      await suite.env().sleep(70 * HOUR);
      await handle.signal(messageEdited, edit(original, 'fixed typo', openedAt + 70 * HOUR));
      await handle.signal(messageEdited, edit(original, 'fixed typo', openedAt + 70 * HOUR));
      await eventually(() => expect(fake.messages.get(original.id)?.content).toBe('fixed typo'));
      const afterEdit = await state(workflowId);
      expect(afterEdit.replyCount).toBe(1);
      expect(afterEdit.lastActivityAt).toBeGreaterThanOrEqual(openedAt + 70 * HOUR);
      expect(fake.messages.get(original.id)?.editedAt).toBe(openedAt + 70 * HOUR);
      expect(fake.eventKinds().filter((kind) => kind === 'replied')).toHaveLength(1);

      await suite.env().sleep(71 * HOUR);
      await settle();
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      await suite.env().sleep(2 * HOUR);
      const [warning] = await noticesPosted(fake, 'inactivity_warning', 1);
      expectNear(warning?.notice.kind === 'inactivity_warning' && warning.notice.closesAt, openedAt + 166 * HOUR);
    }));

  it('does not count a bot editing its own message as activity', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const openedAt = (await state(workflowId)).openedAt;
      const notice = { ...reply('610000000000000011', openedAt + 1_000), authorIsBot: true };

      await suite.env().sleep(70 * HOUR);
      await handle.signal(messageEdited, edit(notice, 'updated notice', openedAt + 70 * HOUR));
      await eventually(() => expect(fake.messages.get(notice.id)?.content).toBe('updated notice'));
      expect((await state(workflowId)).lastActivityAt).toBe(openedAt);

      await suite.env().sleep(3 * HOUR);
      const [warning] = await noticesPosted(fake, 'inactivity_warning', 1);
      expectNear(warning?.notice.kind === 'inactivity_warning' && warning.notice.closesAt, openedAt + 96 * HOUR);
    }));

  it('stores an edit of a message it never saw as that message, still not a new reply', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const missed = reply('610000000000000021', Date.now() - 60_000);
      await handle.signal(messageEdited, edit(missed, 'sent while the bot was down', Date.now()));
      await eventually(() =>
        expect(fake.messages.get(missed.id)).toMatchObject({ content: 'sent while the bot was down' }),
      );
      expect(fake.events.get(`replied:${missed.id}`)).toMatchObject({ kind: 'replied', actorId: missed.authorId });
      expect((await state(workflowId)).replyCount).toBe(0);
    }));
});

describe('deleted messages', () => {
  it('marks the stored message deleted once, keeps what it said, and is neither activity nor a reply', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const openedAt = (await state(workflowId)).openedAt;
      const kept = reply('620000000000000001', openedAt + 1_000);
      const removed = reply('620000000000000002', openedAt + 2_000, staffActor);
      await handle.signal(replyReceived, kept);
      await handle.signal(replyReceived, removed);
      await eventually(() => expect(fake.messages.size).toBe(2));
      const beforeDelete = await state(workflowId);

      await suite.env().sleep(70 * HOUR);
      await handle.signal(messageDeleted, { messageId: removed.id, deletedAt: openedAt + 70 * HOUR });
      await handle.signal(messageDeleted, { messageId: removed.id, deletedAt: openedAt + 71 * HOUR });
      await eventually(() => expect(fake.deletedAt.get(removed.id)).toBe(openedAt + 70 * HOUR));
      expect(fake.messages.get(removed.id)?.content).toBe(removed.content);
      expect(fake.deletedAt.has(kept.id)).toBe(false);
      const afterDelete = await state(workflowId);
      expect(afterDelete.replyCount).toBe(2);
      expect(afterDelete.lastActivityAt).toBe(beforeDelete.lastActivityAt);
      expect(new Set(fake.eventKinds())).toEqual(new Set(['opened', 'replied']));

      await suite.env().sleep(3 * HOUR);
      await noticesPosted(fake, 'inactivity_warning', 1);
    }));

  it('stores a message deleted right after it was posted, marked deleted', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const fleeting = reply('620000000000000011', Date.now());
      // In the order the bot sends them (one queue per thread), back to back.
      await handle.signal(replyReceived, fleeting);
      await handle.signal(messageDeleted, { messageId: fleeting.id, deletedAt: Date.now() + 1 });
      await eventually(() => expect(fake.deletedAt.has(fleeting.id)).toBe(true));
      expect(fake.messages.get(fleeting.id)?.content).toBe(fleeting.content);
    }));
});

describe('malformed edits and deletions', () => {
  it('drops each alone and stores the good changes signalled with them', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const good = reply('630000000000000001', Date.now());
      await handle.signal(replyReceived, good);
      await handle.signal(messageEdited, { ...good, content: 'no edit time' });
      await handle.signal(messageEdited, { ...edit(good, 'bad author', Date.now()), authorId: 'not-an-id' });
      await handle.signal(messageDeleted, { messageId: 'not-an-id', deletedAt: Date.now() });
      await handle.signal(messageDeleted, { messageId: good.id, deletedAt: -1 });
      await handle.signal(messageEdited, edit(good, 'good edit', Date.now() + 1));
      await eventually(() => expect(fake.messages.get(good.id)?.content).toBe('good edit'));
      await settle();
      expect(fake.deletedAt.size).toBe(0);
      const stored = fake.calls.flatMap((call) => {
        if (call.name !== 'storeMessages') return [];
        const input = call.input as { messages: TicketMessage[]; deletions?: unknown[] };
        return [...input.messages.map((message) => message.content), ...(input.deletions ?? [])];
      });
      expect(stored).toEqual([good.content, 'good edit']);
    }));
});
