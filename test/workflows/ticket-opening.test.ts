import { describe, expect, it } from 'vitest';
import { TicketNumber, TicketStatus, TicketTimerState } from '../../workflows/search-attributes.ts';
import { closeTicket, rateTicket } from '../../workflows/ticket/definitions.ts';
import { creator, eventually, staffActor, supportRequest } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();

describe('opening a ticket', () => {
  it('creates the private thread with the member and staff, welcomes them and registers the ticket', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const result = await open();
      expect(result).toMatchObject({ outcome: 'opened', number: 1 });
      if (result.outcome !== 'opened') throw new Error('not opened');

      const thread = fake.threads.get('0001-support-alice');
      expect(thread?.id).toBe(result.threadId);
      // The open answers as soon as the member is in the thread; staff and the welcome follow.
      await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));
      expect([...(thread?.members ?? [])]).toEqual(['500000000000000001', '400000000000000001']);
      const view = await state(result.workflowId);
      expect(view).toMatchObject({ status: 'open', number: 1, threadId: result.threadId, timer: 'running' });

      const [welcome] = fake.notice('welcome');
      expect(welcome?.channelId).toBe(result.threadId);
      expect(welcome?.notice).toMatchObject({
        kind: 'welcome',
        answers: supportRequest().answers,
        questions: ['What do you need help with?'],
        notificationRoleId: '300000000000000002',
      });
      expect(fake.eventKinds()).toEqual(['opened']);
      expect(fake.rows.get('ticket-1')?.threadId).toBe(result.threadId);

      const described = await suite.env().client.workflow.getHandle(result.workflowId).describe();
      expect(described.typedSearchAttributes.get(TicketStatus)).toBe('open');
      expect(described.typedSearchAttributes.get(TicketNumber)).toBe(1);
      expect(described.typedSearchAttributes.get(TicketTimerState)).toBe('running');
    }));

  it('opens one ticket when the same request is started twice at once', () =>
    suite.withWorker(async ({ fake, open }) => {
      const [first, second] = await Promise.all([
        open(supportRequest(), 'interaction-1'),
        open(supportRequest(), 'interaction-1'),
      ]);
      expect(second).toEqual(first);
      expect(fake.threads.size).toBe(1);
      expect(fake.calls.filter((c) => c.name === 'registerTicket')).toHaveLength(1);
    }));

  it('answers a retried request of a ticket that has since closed without reopening it', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const first = await open(supportRequest(), 'interaction-2');
        const handle = suite.env().client.workflow.getHandle(first.workflowId);
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
        // With no reopen window, the run ends once the creator has rated the close.
        await handle.executeUpdate(rateTicket, { args: [{ actor: { ...creator, isStaff: false }, stars: 5 }] });
        await handle.result();
        const retried = await open(supportRequest(), 'interaction-2');
        expect(retried).toMatchObject({ outcome: 'refused', code: 'request_closed' });
        expect(fake.threads.size).toBe(1);
      },
      (fake) => {
        fake.settings = { ...fake.settings, reopenWindowMs: 0 };
      },
    ));

  it('refuses a member over the limit and creates nothing', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const result = await open();
        expect(result).toEqual({
          outcome: 'refused',
          code: 'type_limit',
          message: 'You already have an open Support ticket.',
          workflowId: result.workflowId,
        });
        expect(fake.threads.size).toBe(0);
        expect(fake.notices).toHaveLength(0);
        const handle = suite.env().client.workflow.getHandle(result.workflowId);
        expect(await handle.result()).toMatchObject({ outcome: 'refused', code: 'type_limit' });
        expect((await handle.describe()).typedSearchAttributes.get(TicketStatus)).toBe('refused');
      },
      (fake) => {
        fake.refusal = { outcome: 'refused', code: 'type_limit', message: 'You already have an open Support ticket.' };
      },
    ));

  it('closes the ticket at once when Discord refuses to create its thread', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const result = await open();
        expect(result).toMatchObject({ outcome: 'refused', code: 'thread_failed' });
        expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed' });
        expect(fake.eventKinds()).toEqual(['opened', 'closed']);
      },
      (fake) => {
        fake.deletedChannels.add(fake.settings.ticketChannelId);
      },
    ));

  it('refuses and closes the ticket when Discord will not let its member into the thread', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const result = await open();
        expect(result).toMatchObject({ outcome: 'refused', code: 'thread_failed' });
        expect(result.outcome === 'refused' && result.message).toMatch(/^You could not be added to the ticket thread/);
        expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed' });
        expect(fake.eventKinds()).toEqual(['opened', 'closed']);
      },
      (fake) => {
        fake.unaddableUsers.add(supportRequest().creator.id);
      },
    ));

  it('rejects a malformed request before starting anything', () =>
    suite.withWorker(async ({ fake, open }) => {
      await expect(open(supportRequest({ guildId: 'not-a-guild' }))).rejects.toThrow(/guildId: must be a Discord id/);
      expect(fake.calls).toHaveLength(0);
    }));
});
