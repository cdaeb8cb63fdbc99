import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { closeTicket, replyAsStaff } from '../../workflows/ticket/definitions.ts';
import { STAFF_REPLY_MAX } from '../../workflows/ticket/validators.ts';
import { creatorActor, eventually, noticesPosted, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;

async function refusalType(update: Promise<unknown>): Promise<string | undefined> {
  const err = await update.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((err as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
}

describe('staff replies from the panel', () => {
  it('posts the reply through the bot, stores it as the staff member’s, and restarts the idle window', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      await suite.env().sleep(70 * HOUR);

      const view = await handle.executeUpdate(replyAsStaff, {
        args: [{ actor: staffActor, content: 'A refund is on its way.' }],
        updateId: 'panel-request-1',
      });
      expect(view.replyCount).toBe(1);
      const [stored] = await eventually(() => {
        const messages = [...fake.messages.values()];
        expect(messages).toHaveLength(1);
        return messages;
      });
      expect(stored).toMatchObject({
        authorId: staffActor.id,
        authorName: staffActor.name,
        authorIsBot: false,
        content: 'A refund is on its way.',
      });
      // The idle window restarted: 70 idle hours before the reply would have warned at 72.
      await suite.env().sleep(3 * HOUR);
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      expect((await state(workflowId)).lastActivityAt).toBeGreaterThan((await state(workflowId)).openedAt + 69 * HOUR);

      // The same request again (a retried click) posts nothing more.
      await handle.executeUpdate(replyAsStaff, {
        args: [{ actor: staffActor, content: 'A refund is on its way.' }],
        updateId: 'panel-request-1',
      });
      expect(fake.calls.filter((call) => call.name === 'postStaffReply')).toHaveLength(1);
    }));

  it('refuses members who are not staff, empty or oversized replies, and ended tickets, posting nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      const reply = (actor: typeof staffActor, content: string) =>
        handle.executeUpdate(replyAsStaff, { args: [{ actor, content }] });

      expect(await refusalType(reply(creatorActor, 'hello'))).toBe('Forbidden');
      expect(await refusalType(reply(staffActor, '   '))).toBe('InvalidRequest');
      expect(await refusalType(reply(staffActor, 'x'.repeat(STAFF_REPLY_MAX + 1)))).toBe('InvalidRequest');
      // A closed ticket refuses replies while its run waits for a reopen or rating; once final, its run has ended.
      // Either way callers answer from its record.
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      expect(await refusalType(reply(staffActor, 'too late'))).toBe('TicketClosed');
      expect(fake.calls.filter((call) => call.name === 'postStaffReply')).toHaveLength(0);
    }));

  it('answers that the bot lacks a permission when Discord refuses the post, changing nothing', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      fake.failing.set('postStaffReply', 'DiscordForbidden');
      expect(
        await refusalType(handle.executeUpdate(replyAsStaff, { args: [{ actor: staffActor, content: 'hi' }] })),
      ).toBe('MissingPermission');
      expect((await state(workflowId)).replyCount).toBe(0);
    }));
});
