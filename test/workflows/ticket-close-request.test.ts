import { describe, expect, it } from 'vitest';
import { TicketCloseRequested } from '../../workflows/search-attributes.ts';
import {
  answerCloseRequest,
  getTicketState,
  replyReceived,
  requestClose,
  type TicketView,
} from '../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, reply, staffActor, strangerActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';
import { refusalOf } from '../support/update-refusal.ts';

const suite = timeSkippingSuite();
const HOUR = 3_600_000;

const pendingOf = (ticket: TicketView) => {
  const request = ticket.pendingCloseRequest;
  if (!request) throw new Error('no close request is pending');
  return request;
};

describe('close requests', () => {
  it('closes with the request’s reason when nobody answers in time (24 hours by default)', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const asked = await handle.executeUpdate(requestClose, {
        args: [{ actor: staffActor, reason: '  Refund sent  ' }],
      });
      const request = pendingOf(asked);
      expect(request).toMatchObject({ reason: 'Refund sent', requestedBy: { id: staffActor.id } });
      expect(request.closesAt - request.requestedAt).toBe(24 * HOUR);
      expect((await handle.describe()).typedSearchAttributes.get(TicketCloseRequested)).toBe(true);
      const [posted] = fake.notice('close_requested');
      expect(posted?.notice).toMatchObject({ request: { id: request.id } });
      expect((await handle.query(getTicketState)).pendingCloseRequest?.messageId).toBe(posted?.idempotencyKey);

      await suite.env().sleep(23 * HOUR);
      expect((await handle.query(getTicketState)).status).toBe('open');
      await suite.env().sleep(2 * HOUR);
      expect(await handle.result()).toMatchObject({
        outcome: 'closed',
        closure: { reason: 'Refund sent', closedById: staffActor.id, automatic: false },
      });
      expect(fake.eventKinds()).toEqual(['opened', 'close_requested', 'close_request_expired', 'closed']);
      expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed', closeReason: 'Refund sent' });
      expect(fake.notice('close_request_ended').map((n) => n.notice)).toMatchObject([{ outcome: 'expired' }]);
      expect(fake.closeRequestEdits).toMatchObject([{ messageId: posted?.idempotencyKey, outcome: 'expired' }]);
      expect((await handle.describe()).typedSearchAttributes.get(TicketCloseRequested)).toBe(false);
    }));

  it('closes when the member accepts, in their name, with the reason', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const request = pendingOf(
        await handle.executeUpdate(requestClose, {
          args: [{ actor: staffActor, reason: 'Solved', afterMs: 6 * HOUR }],
        }),
      );
      expect(request.closesAt - request.requestedAt).toBe(6 * HOUR);
      await handle.executeUpdate(answerCloseRequest, {
        args: [{ actor: creatorActor, requestId: request.id, answer: 'accept' }],
      });
      expect(await handle.result()).toMatchObject({
        outcome: 'closed',
        closure: { reason: 'Solved', closedById: creatorActor.id, automatic: false },
      });
      const accepted = [...fake.events.values()].find((e) => e.kind === 'close_request_accepted');
      expect(accepted).toMatchObject({ actorId: creatorActor.id, data: { requestId: request.id, reason: 'Solved' } });
      expect(fake.closeRequestEdits).toMatchObject([{ outcome: 'accepted', actorId: creatorActor.id }]);
      expect(fake.notice('closing')).toHaveLength(1);
    }));

  it('is cancelled by a reply from the member, not by staff writing, and the ticket stays open', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const request = pendingOf(await handle.executeUpdate(requestClose, { args: [{ actor: staffActor }] }));
      await handle.signal(replyReceived, reply('810000000000000001', request.requestedAt + 1, staffActor));
      await handle.signal(replyReceived, reply('810000000000000002', request.requestedAt + 2));
      await eventually(async () => expect((await handle.query(getTicketState)).pendingCloseRequest).toBeNull());
      expect((await handle.describe()).typedSearchAttributes.get(TicketCloseRequested)).toBe(false);
      const cancelled = [...fake.events.values()].find((e) => e.kind === 'close_request_cancelled');
      expect(cancelled).toMatchObject({ actorId: creatorActor.id, data: { requestId: request.id } });
      expect(fake.notice('close_request_ended').map((n) => n.notice)).toMatchObject([{ outcome: 'cancelled' }]);

      await suite.env().sleep(30 * HOUR);
      expect((await handle.query(getTicketState)).status).toBe('open');
      expect(fake.eventKinds()).not.toContain('closed');
      // The request's buttons answer nothing any more.
      expect(
        await refusalOf(
          handle.executeUpdate(answerCloseRequest, {
            args: [{ actor: creatorActor, requestId: request.id, answer: 'accept' }],
          }),
        ),
      ).toMatchObject({ type: 'CloseRequestEnded' });
    }));

  it('stays open when the member keeps it open; only they may, and only they or staff may accept', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const request = pendingOf(await handle.executeUpdate(requestClose, { args: [{ actor: staffActor }] }));
      const answer = (actor: typeof staffActor, verdict: 'accept' | 'keep_open') =>
        handle.executeUpdate(answerCloseRequest, { args: [{ actor, requestId: request.id, answer: verdict }] });
      expect((await refusalOf(answer(staffActor, 'keep_open'))).type).toBe('Forbidden');
      expect((await refusalOf(answer(strangerActor, 'accept'))).type).toBe('Forbidden');
      expect(fake.eventKinds()).toEqual(['opened', 'close_requested']);

      const kept = await answer(creatorActor, 'keep_open');
      expect(kept.pendingCloseRequest).toBeNull();
      expect(fake.eventKinds()).toEqual(['opened', 'close_requested', 'close_request_declined']);
      expect(fake.closeRequestEdits).toMatchObject([{ outcome: 'declined', actorId: creatorActor.id }]);
      await suite.env().sleep(30 * HOUR);
      expect((await handle.query(getTicketState)).status).toBe('open');
    }));

  it('refuses members who are not staff, a second request, and times out of range, changing nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      expect(await refusalOf(handle.executeUpdate(requestClose, { args: [{ actor: creatorActor }] }))).toEqual({
        type: 'Forbidden',
        message: 'Only staff can ask the member to close a ticket.',
      });
      for (const afterMs of [HOUR - 1, 7 * 24 * HOUR + 1, 1.5]) {
        expect(
          (await refusalOf(handle.executeUpdate(requestClose, { args: [{ actor: staffActor, afterMs }] }))).type,
        ).toBe('InvalidRequest');
      }
      expect(
        (
          await refusalOf(
            handle.executeUpdate(requestClose, { args: [{ actor: staffActor, reason: 'x'.repeat(501) }] }),
          )
        ).type,
      ).toBe('InvalidRequest');
      expect(fake.eventKinds()).toEqual(['opened']);
      expect((await handle.describe()).typedSearchAttributes.get(TicketCloseRequested)).toBeUndefined();

      const first = pendingOf(await handle.executeUpdate(requestClose, { args: [{ actor: staffActor }] }));
      expect((await refusalOf(handle.executeUpdate(requestClose, { args: [{ actor: staffActor }] }))).type).toBe(
        'CloseRequestPending',
      );
      expect(pendingOf(await handle.query(getTicketState))).toEqual(first);
      expect(fake.notice('close_requested')).toHaveLength(1);
    }));
});
