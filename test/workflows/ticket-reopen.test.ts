import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { TicketStatus } from '../../workflows/search-attributes.ts';
import { closeTicket, getTicketState, reopenTicket, replyReceived } from '../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, reply, staffActor, strangerActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function refusalOf(update: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const err = await update.then(
    () => {
      throw new Error('the update was accepted');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: cause.type ?? undefined, message: cause.message };
}

describe('reopening a closed ticket', () => {
  it('reopens inside the window in the same thread with the same number, restarts its timers, and the next close covers its whole life', () =>
    suite.withWorker(async ({ fake, open }) => {
      const env = suite.env();
      const { workflowId, number, threadId } = (await open()) as {
        workflowId: string;
        number: number;
        threadId: string;
      };
      const handle = env.client.workflow.getHandle(workflowId);
      await handle.signal(replyReceived, reply('870000000000000001', Date.now()));
      await eventually(() => expect(fake.messages.size).toBe(1));
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
      const closing = fake.notice('closing')[0]?.notice;
      expect(closing?.kind === 'closing' && closing.reopenUntil).toBe(
        closing?.kind === 'closing' ? closing.closure.closedAt + 7 * DAY : 0,
      );

      await env.sleep(3 * DAY);
      // Someone who is neither the creator nor staff is refused; nothing changes.
      expect((await refusalOf(handle.executeUpdate(reopenTicket, { args: [{ actor: strangerActor }] }))).type).toBe(
        'Forbidden',
      );
      const reopenedAt = Date.now();
      const reopened = await handle.executeUpdate(reopenTicket, { args: [{ actor: creatorActor }] });
      expect(reopened).toMatchObject({ status: 'open', number, threadId, closure: null, reopens: 1 });
      expect(reopened.lastActivityAt).toBeGreaterThanOrEqual(reopenedAt - 1000);
      expect(fake.calls.filter((call) => call.name === 'unlockThread')).toEqual([
        { name: 'unlockThread', input: { threadId, reason: 'Ticket reopened by alice' } },
      ]);
      expect([...fake.threads.values()].find((thread) => thread.id === threadId)?.locked).toBe(false);
      expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'open', closedAt: null, closeReason: null });
      expect(fake.eventKinds()).toContain('reopened');
      expect(fake.notice('reopened')).toHaveLength(1);
      expect((await handle.describe()).typedSearchAttributes.get(TicketStatus)).toBe('open');
      // Open again: the ticket takes replies as before.
      expect((await refusalOf(handle.executeUpdate(reopenTicket, { args: [{ actor: staffActor }] }))).type).toBe(
        'TicketNotClosed',
      );

      // The inactivity timer counts from the reopen: the warning comes 72 h later, not 72 h after the first opening.
      await handle.signal(replyReceived, reply('870000000000000002', Date.now()));
      await eventually(() => expect(fake.messages.size).toBe(2));
      await env.sleep(71 * HOUR);
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      await env.sleep(2 * HOUR);
      await eventually(() => expect(fake.notice('inactivity_warning')).toHaveLength(1));

      await handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor, reason: 'works now' }] });
      // The second transcript has the same key and holds the messages of both lives; a second summary is posted.
      const lastRender = fake.renders.at(-1);
      expect(lastRender?.key).toBe(fake.renders[0]?.key);
      expect(lastRender?.messageIds.sort()).toEqual(['870000000000000001', '870000000000000002']);
      expect(fake.notice('summary')).toHaveLength(2);
      // The second summary names who reopened the ticket and when; the first had no reopen to list.
      const [firstSummary, secondSummary] = fake.notice('summary').map((call) => call.notice);
      expect(firstSummary).not.toHaveProperty('reopens');
      expect(secondSummary).toMatchObject({
        reopens: [{ actorId: creatorActor.id, at: reopened.reopenedBy?.[0]?.at }],
      });
      expect(reopened.reopenedBy?.[0]?.at).toBeGreaterThanOrEqual(reopenedAt);
      expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed', closeReason: 'works now' });
      expect((await handle.query(getTicketState)).status).toBe('closed');

      await handle.result();
      expect(fake.eventKinds().filter((kind) => kind === 'closed')).toHaveLength(2);
    }));

  it('refuses a reopen after the window, when the ticket is final and its run has ended', () =>
    suite.withWorker(async ({ fake, open }) => {
      const env = suite.env();
      const { workflowId } = await open();
      const handle = env.client.workflow.getHandle(workflowId);
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      await env.sleep(7 * DAY - HOUR);
      // One hour before the end a rating could still come, and a reopen too: the run is alive.
      expect((await handle.query(getTicketState)).reopenUntil).toBeGreaterThan(Date.now());
      await env.sleep(2 * HOUR);
      await handle.result();
      await expect(handle.executeUpdate(reopenTicket, { args: [{ actor: creatorActor }] })).rejects.toBeInstanceOf(
        WorkflowNotFoundError,
      );
      expect(fake.eventKinds()).not.toContain('reopened');
      expect(fake.rows.get('ticket-1')?.status).toBe('closed');
    }));

  it('refuses a reopen when the guild keeps closed tickets for a shorter window than the rating wait', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const env = suite.env();
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
        await env.sleep(2 * DAY);
        const refusal = await refusalOf(handle.executeUpdate(reopenTicket, { args: [{ actor: creatorActor }] }));
        expect(refusal.type).toBe('ReopenWindowOver');
        expect(fake.calls.some((call) => call.name === 'unlockThread')).toBe(false);
      },
      (fake) => {
        fake.settings = { ...fake.settings, reopenWindowMs: DAY };
      },
    ));

  it('with a window of 0 a closed ticket is final: no Reopen button, and a reopen is refused', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const env = suite.env();
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
        const closing = fake.notice('closing')[0]?.notice;
        expect(closing && 'reopenUntil' in closing).toBe(false);
        const refusal = await refusalOf(handle.executeUpdate(reopenTicket, { args: [{ actor: staffActor }] }));
        expect(refusal.type).toBe('ReopenOff');
        // Rated at once, nothing keeps the run: it ends.
        await handle.executeUpdate((await import('../../workflows/ticket/definitions.ts')).rateTicket, {
          args: [{ actor: creatorActor, stars: 5 }],
        });
        await handle.result();
      },
      (fake) => {
        fake.settings = { ...fake.settings, reopenWindowMs: 0 };
      },
    ));

  it('carries a closed ticket across continue-as-new and reopens it in the next run', () =>
    suite.withWorker(async ({ fake, open }) => {
      const env = suite.env();
      const { workflowId } = await open(undefined, undefined, { continueAsNewAfterEvents: 60 });
      const handle = env.client.workflow.getHandle(workflowId);
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      const firstRun = (await handle.describe()).runId;
      // Late messages in the locked thread (staff may still write) grow the history until it continues as new.
      for (let i = 0; i < 30; i += 1) {
        await handle.signal(
          replyReceived,
          reply(`88000000000000${String(i).padStart(4, '0')}`, Date.now(), staffActor),
        );
      }
      await eventually(async () => expect((await handle.describe()).runId).not.toBe(firstRun));
      expect((await handle.query(getTicketState)).status).toBe('closed');
      const reopened = await handle.executeUpdate(reopenTicket, { args: [{ actor: staffActor }] });
      expect(reopened.status).toBe('open');
      expect(fake.messages.size).toBe(30);
    }));
});
