import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { closeTicket, getTicketState, rateTicket, reopenTicket } from '../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, staffActor, supportRequest } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function refusalType(update: Promise<unknown>): Promise<string | undefined> {
  const err = await update.then(
    () => {
      throw new Error('the update was accepted');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause.type ?? undefined;
}

describe("the creator's rating and closing message", () => {
  it('messages the creator in their language once, takes a rating on day 6 and adds it to the summary', () =>
    suite.withWorker(async ({ fake, open }) => {
      const env = suite.env();
      const { workflowId } = await open(supportRequest({ locale: 'de' }));
      const handle = env.client.workflow.getHandle(workflowId);
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'Refund issued' }] });
      const [message] = await eventually(() => {
        const sent = [...fake.creatorMessages.values()];
        expect(sent).toHaveLength(1);
        return sent;
      });
      expect(message).toMatchObject({
        userId: creatorActor.id,
        message: { kind: 'closed', locales: ['de', null], closingDetails: true, askRating: true },
      });
      expect(message?.message.closure.reason).toBe('Refund issued');

      await env.sleep(6 * DAY);
      expect(await refusalType(handle.executeUpdate(rateTicket, { args: [{ actor: staffActor, stars: 5 }] }))).toBe(
        'Forbidden',
      );
      expect(await refusalType(handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 6 }] }))).toBe(
        'InvalidRequest',
      );
      expect(
        await refusalType(
          handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 4, comment: 'x'.repeat(1001) }] }),
        ),
      ).toBe('InvalidRequest');
      const rated = await handle.executeUpdate(rateTicket, {
        args: [{ actor: creatorActor, stars: 4, comment: '  Quick and kind.  ' }],
      });
      expect(rated.rating).toMatchObject({ stars: 4, comment: 'Quick and kind.' });
      expect(fake.rows.get('ticket-1')?.rating).toEqual({ stars: 4, comment: 'Quick and kind.' });
      expect([...fake.events.values()].find((event) => event.kind === 'rated')).toMatchObject({
        actorId: creatorActor.id,
        data: { stars: 4, comment: 'Quick and kind.' },
      });
      const [summary] = fake.notice('summary');
      expect(fake.noticeEdits).toEqual([
        {
          channelId: summary?.channelId,
          messageId: summary?.idempotencyKey,
          notice: { ...summary?.notice, rating: expect.objectContaining({ stars: 4, comment: 'Quick and kind.' }) },
        },
      ]);
      expect(await refusalType(handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 1 }] }))).toBe(
        'AlreadyRated',
      );
      // Rated, the run waits only for the rest of its reopen window, then ends.
      await handle.result();
      expect([...fake.creatorMessages.values()]).toHaveLength(1);
    }));

  it('takes no rating after day 7, and the final ticket ends', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const env = suite.env();
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
        await env.sleep(7 * DAY + HOUR);
        // The reopen window is 10 days here, so the run still lives; the rating is refused by the ticket.
        expect((await handle.query(getTicketState)).status).toBe('closed');
        expect(await refusalType(handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 3 }] }))).toBe(
          'RatingClosed',
        );
        await handle.result();
        await expect(
          handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 3 }] }),
        ).rejects.toBeInstanceOf(WorkflowNotFoundError);
        expect(fake.eventKinds()).not.toContain('rated');
      },
      (fake) => {
        fake.settings = { ...fake.settings, reopenWindowMs: 10 * DAY };
      },
    ));

  it('asks in the thread when the creator takes no direct messages, and a reopen asks again at the next close', () =>
    suite.withWorker(async ({ fake, open }) => {
      const env = suite.env();
      fake.dmsClosed.add(creatorActor.id);
      const { workflowId, threadId } = (await open()) as { workflowId: string; threadId: string };
      const handle = env.client.workflow.getHandle(workflowId);
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      const [prompt] = await eventually(() => {
        const posted = fake.notice('rating_prompt');
        expect(posted).toHaveLength(1);
        return posted;
      });
      expect(prompt?.channelId).toBe(threadId);
      expect(fake.calls.filter((call) => call.name === 'postInClosedThread')).toHaveLength(1);
      await handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 2 }] });

      // A reopen clears the rating; the next close asks again and takes a new one.
      fake.dmsClosed.delete(creatorActor.id);
      const reopened = await handle.executeUpdate(reopenTicket, { args: [{ actor: creatorActor }] });
      expect(reopened.rating).toBeUndefined();
      expect(fake.rows.get('ticket-1')?.rating).toBeNull();
      await handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor }] });
      await eventually(() => expect([...fake.creatorMessages.values()]).toHaveLength(1));
      await handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 5 }] });
      expect(fake.eventKinds().filter((kind) => kind === 'rated')).toHaveLength(2);
      expect(fake.rows.get('ticket-1')?.rating).toEqual({ stars: 5, comment: null });
    }));

  it('leaves out the reason and transcript when the guild turned the closing message off', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const { workflowId } = await open();
        await suite
          .env()
          .client.workflow.getHandle(workflowId)
          .executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
        const [message] = await eventually(() => {
          const sent = [...fake.creatorMessages.values()];
          expect(sent).toHaveLength(1);
          return sent;
        });
        expect(message?.message).toMatchObject({ closingDetails: false, askRating: true });
      },
      (fake) => {
        fake.settings = { ...fake.settings, closingDmEnabled: false };
      },
    ));
});
