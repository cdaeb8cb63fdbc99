import { describe, expect, it } from 'vitest';
import { TicketProblem, TicketStatus } from '../../workflows/search-attributes.ts';
import { closeTicket, replyReceived, settingsChanged } from '../../workflows/ticket/definitions.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const MINUTE = 60_000;

describe('steps held up by a missing permission or a failing service', () => {
  it('keeps a ticket open when Discord refuses the welcome with 403, tells staff, and welcomes once it may', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      fake.failing.set('addStaffToThread', 'DiscordForbidden');
      const { workflowId, outcome } = await open();
      expect(outcome).toBe('opened');
      const handle = suite.env().client.workflow.getHandle(workflowId);

      await eventually(async () =>
        expect((await handle.describe()).typedSearchAttributes.get(TicketProblem)).toBe('missing_permission'),
      );
      const [told] = await noticesPosted(fake, 'problem', 1);
      expect(told?.channelId).toBe(fake.settings.remindersChannelId);
      expect(await state(workflowId)).toMatchObject({
        status: 'open',
        welcomed: false,
        problems: [{ target: 'thread', kind: 'missing_permission', step: 'welcome the ticket' }],
      });
      expect(fake.notice('closing')).toHaveLength(0);

      // Fixed by the guild; the ticket retries on its own timer.
      fake.failing.delete('addStaffToThread');
      await suite.env().sleep(2 * MINUTE);
      await noticesPosted(fake, 'welcome', 1);
      await eventually(async () =>
        expect((await handle.describe()).typedSearchAttributes.get(TicketProblem)).toBeUndefined(),
      );
      expect(await state(workflowId)).toMatchObject({ status: 'open', welcomed: true, problems: [] });
      expect(fake.notice('problem')).toHaveLength(1);
    }));

  it('holds a close whose thread it may not lock, answers that it is closing, and finishes when told it may', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      fake.failing.set('lockThread', 'DiscordForbidden');

      const answer = await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
      expect(answer).toMatchObject({
        outcome: 'closing',
        closure: { reason: 'solved', closedById: staffActor.id },
        problem: { kind: 'missing_permission', step: 'lock the thread', target: 'thread' },
      });
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(TicketProblem)).toBe('missing_permission');
      expect(attributes.get(TicketStatus)).toBe('open');
      expect(fake.rows.get('ticket-1')?.status).toBe('open');
      expect(fake.notice('summary')).toHaveLength(0);
      await noticesPosted(fake, 'problem', 1);

      // A reply while the close waits is still part of the ticket.
      await handle.signal(replyReceived, reply('730000000000000001', Date.now()));
      await eventually(() => expect(fake.messages.size).toBe(1));

      // The guild grants the permission and the bot tells the ticket at once, before the retry timer fires.
      fake.failing.delete('lockThread');
      await handle.signal(settingsChanged);
      expect(await handle.result()).toMatchObject({ outcome: 'closed', closure: { reason: 'solved' } });
      expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed', closeReason: 'solved' });
      expect([...fake.threads.values()][0]?.locked).toBe(true);
      expect(fake.renders.at(-1)?.messageIds).toEqual(['730000000000000001']);
      expect((await handle.describe()).typedSearchAttributes.get(TicketProblem)).toBeUndefined();
    }));

  it('shows a store that keeps failing as the ticket problem and stores the reply once the database is back', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      fake.failing.set('storeMessages', 'DatabaseUnavailable');

      await handle.signal(replyReceived, reply('740000000000000001', Date.now()));
      await eventually(async () =>
        expect((await handle.describe()).typedSearchAttributes.get(TicketProblem)).toBe('failing'),
      );
      expect(fake.messages.size).toBe(0);
      // Staff are told of permissions only: an outage is the operator's, and the search attribute shows it.
      expect(fake.notice('problem')).toHaveLength(0);

      fake.failing.delete('storeMessages');
      await suite.env().sleep(2 * MINUTE);
      await eventually(() => expect(fake.messages.has('740000000000000001')).toBe(true));
      await eventually(async () =>
        expect((await handle.describe()).typedSearchAttributes.get(TicketProblem)).toBeUndefined(),
      );
    }));

  it('still closes as "thread deleted" when Discord answers 404 for the thread', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      await noticesPosted(fake, 'welcome', 1);
      const thread = [...fake.threads.values()][0];
      if (thread) fake.deletedChannels.add(thread.id);
      await suite.env().sleep(73 * 60 * MINUTE);
      const result = await suite.env().client.workflow.getHandle(workflowId).result();
      expect(result).toMatchObject({ outcome: 'closed', closure: { reason: 'thread deleted', automatic: true } });
    }));
});
