import { describe, expect, it } from 'vitest';
import { closeTicket, replyReceived } from '../../workflows/ticket/definitions.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();

const ids = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `7200000000000${String(from + i).padStart(5, '0')}`);

describe('replies that arrive while a ticket closes', () => {
  it('stores a burst that comes while the transcript is made, and the transcript holds every one', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      const before = ids(0, 5);
      for (const id of before) await handle.signal(replyReceived, reply(id, Date.now()));

      const releaseTranscript = fake.hold('renderTranscript');
      const closing = handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
      await eventually(() => expect(fake.calls.some((c) => c.name === 'renderTranscript')).toBe(true));
      const during = ids(100, 20);
      for (const id of during) await handle.signal(replyReceived, reply(id, Date.now(), staffActor));
      releaseTranscript();

      expect(await closing).toMatchObject({ outcome: 'closed' });
      await handle.result();
      expect([...fake.messages.keys()].sort()).toEqual([...before, ...during].sort());
      expect(fake.renders.at(-1)?.messageIds.sort()).toEqual([...before, ...during].sort());
      expect(fake.eventKinds().filter((kind) => kind === 'replied')).toHaveLength(25);
    }));

  it('stores replies that come after the row is closed, before the run ends, and makes the transcript again', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);

      // Hold the last write of the close: its summary is posted, its row about to be marked closed.
      const releaseWrites = fake.hold('recordTicketChange');
      const closing = handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      await noticesPosted(fake, 'summary', 1);
      await eventually(() => expect(fake.calls.at(-1)?.name).toBe('recordTicketChange'));
      const late = ids(200, 3);
      for (const id of late) await handle.signal(replyReceived, reply(id, Date.now(), staffActor));
      releaseWrites();

      expect(await closing).toMatchObject({ outcome: 'closed' });
      await handle.result();
      expect([...fake.messages.keys()].sort()).toEqual(late);
      expect(fake.renders.at(-1)?.messageIds.sort()).toEqual(late);
      expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed' });
    }));
});
