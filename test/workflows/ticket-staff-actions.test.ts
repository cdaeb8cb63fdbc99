import { describe, expect, it } from 'vitest';
import { TicketAssigneeId, TicketStatus } from '../../workflows/search-attributes.ts';
import { addMember, assignTicket, closeTicket, pauseTimer } from '../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, staffActor, strangerActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';
import { refusalOf } from '../support/update-refusal.ts';

const suite = timeSkippingSuite();
const otherStaff = { id: '400000000000000002', name: 'kim', isStaff: true };
const newMember = '500000000000000042';

describe('staff actions', () => {
  it('assigns, reassigns and unassigns, keeping the row, the events and the search attribute current', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));

      expect(
        (await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] }))
          .assigneeId,
      ).toBe(staffActor.id);
      expect((await handle.describe()).typedSearchAttributes.get(TicketAssigneeId)).toBe(staffActor.id);
      expect(fake.rows.get('ticket-1')?.assigneeId).toBe(staffActor.id);

      await handle.executeUpdate(assignTicket, {
        args: [{ actor: otherStaff, assigneeId: otherStaff.id, takeOver: true }],
      });
      expect((await handle.describe()).typedSearchAttributes.get(TicketAssigneeId)).toBe(otherStaff.id);

      const unassigned = await handle.executeUpdate(assignTicket, {
        args: [{ actor: staffActor, assigneeId: null, takeOver: true }],
      });
      expect(unassigned.assigneeId).toBeNull();
      expect((await handle.describe()).typedSearchAttributes.get(TicketAssigneeId)).toBeUndefined();
      expect(fake.rows.get('ticket-1')?.assigneeId).toBeNull();
      expect(fake.eventKinds()).toEqual(['opened', 'assigned', 'assigned', 'unassigned']);
      expect(fake.notice('assigned')).toHaveLength(3);
    }));

  it('refuses assignment by a member who is not staff, and malformed assignees, changing nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      expect(
        await refusalOf(
          handle.executeUpdate(assignTicket, { args: [{ actor: creatorActor, assigneeId: creatorActor.id }] }),
        ),
      ).toEqual({
        type: 'Forbidden',
        message: 'Only staff can assign tickets.',
      });
      expect(
        (await refusalOf(handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: 'me' }] }))).type,
      ).toBe('InvalidRequest');
      expect((await refusalOf(handle.executeUpdate(pauseTimer, { args: [{ actor: creatorActor }] }))).type).toBe(
        'Forbidden',
      );
      expect(fake.eventKinds()).toEqual(['opened']);
      const history = await handle.fetchHistory();
      expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(true);
      expect(history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
    }));

  it('adds a member to the thread once, however often staff ask', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: newMember }] });
      const again = await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: newMember }] });
      expect(again.members).toEqual([newMember]);
      const thread = [...fake.threads.values()][0];
      expect(thread?.members.has(newMember)).toBe(true);
      expect(fake.eventKinds().filter((k) => k === 'member_added')).toHaveLength(1);
      expect(fake.rows.get('ticket-1')?.memberIdAdded).toBe(newMember);
      expect(
        (await refusalOf(handle.executeUpdate(addMember, { args: [{ actor: strangerActor, memberId: newMember }] })))
          .type,
      ).toBe('Forbidden');
    }));
});

describe('closing', () => {
  it('closes with a reason: notice, transcript, summary, lock, then the row, and the workflow ends', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      const closed = await handle.executeUpdate(closeTicket, {
        args: [{ actor: creatorActor, reason: '  Solved, thanks!  ' }],
      });
      expect(closed).toMatchObject({
        outcome: 'closed',
        transcriptKey: '100000000000000001/0001',
        closure: { reason: 'Solved, thanks!', closedById: creatorActor.id, automatic: false },
      });
      expect(await handle.result()).toMatchObject({ outcome: 'closed', number: 1 });
      expect(fake.rows.get('ticket-1')).toMatchObject({
        status: 'closed',
        closeReason: 'Solved, thanks!',
        closedById: creatorActor.id,
        transcriptKey: '100000000000000001/0001',
      });
      const closedEvent = [...fake.events.values()].find((e) => e.kind === 'closed');
      expect(closedEvent).toMatchObject({
        actorId: creatorActor.id,
        data: { reason: 'Solved, thanks!', automatic: false },
      });
      const [summary] = fake.notice('summary');
      expect(summary?.channelId).toBe(fake.settings.historiesChannelId);
      expect(summary?.notice).toMatchObject({ transcriptKey: '100000000000000001/0001' });
      expect([...fake.threads.values()][0]?.locked).toBe(true);
      expect((await handle.describe()).typedSearchAttributes.get(TicketStatus)).toBe('closed');
    }));

  it('answers two concurrent closes with one close, and tells the second caller who closed it', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      const [byCreator, byStaff] = await Promise.all([
        handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor, reason: 'done' }] }),
        handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'duplicate' }] }),
      ]);
      expect([byCreator.outcome, byStaff.outcome].sort()).toEqual(['already_closed', 'closed']);
      expect(byStaff.closure).toEqual(byCreator.closure);
      expect(fake.calls.filter((c) => c.name === 'renderTranscript')).toHaveLength(1);
      expect(fake.calls.filter((c) => c.name === 'lockThread')).toHaveLength(1);
      expect(fake.eventKinds().filter((k) => k === 'closed')).toHaveLength(1);
    }));

  it('refuses a close by a member who neither opened the ticket nor is staff, and one with an oversized reason', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const result = await open();
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      expect(await refusalOf(handle.executeUpdate(closeTicket, { args: [{ actor: strangerActor }] }))).toEqual({
        type: 'Forbidden',
        message: 'Only the member who opened this ticket or staff can close it.',
      });
      expect(
        (await refusalOf(handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'x'.repeat(501) }] })))
          .type,
      ).toBe('InvalidRequest');
      expect((await state(result.workflowId)).status).toBe('open');
      expect(fake.calls.filter((c) => c.name === 'renderTranscript')).toHaveLength(0);
    }));

  it('still closes, stores the transcript and marks the row when the thread was deleted by hand', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      if (result.outcome !== 'opened') throw new Error('not opened');
      fake.deletedChannels.add(result.threadId);
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      await suite.env().sleep(73 * 3_600_000);
      expect(await handle.result()).toMatchObject({
        outcome: 'closed',
        closure: { reason: 'thread deleted', automatic: true },
      });
      expect(fake.transcripts).toEqual(['100000000000000001/0001']);
      expect(fake.rows.get('ticket-1')?.status).toBe('closed');
    }));
});
