import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { TicketAssigneeId } from '../../workflows/search-attributes.ts';
import { addMember, addRole, assignTicket, removeMember } from '../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, guildId, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const otherStaff = { id: '400000000000000002', name: 'kim', isStaff: true };
const guest = '500000000000000042';
const helpersRole = '300000000000000077';
const bigRole = '300000000000000078';

/** The update's refusal as a caller sees it: its type, message and details. */
async function refusalOf(update: Promise<unknown>) {
  const err = await update.then(
    () => {
      throw new Error('the update was accepted');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: cause.type, message: cause.message, details: cause.details };
}

describe('people on a ticket', () => {
  it('removes a member from the thread and the record, and refuses the creator and the assignee', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const { threadId } = await state(workflowId);
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: guest }] });
      const thread = [...fake.threads.values()].find((t) => t.id === threadId);
      expect(thread?.members.has(guest)).toBe(true);

      const removed = await handle.executeUpdate(removeMember, { args: [{ actor: staffActor, memberId: guest }] });
      expect(removed.members).toEqual([]);
      expect(thread?.members.has(guest)).toBe(false);
      expect(fake.eventKinds()).toEqual(['opened', 'member_added', 'member_removed']);
      expect(fake.rows.get('ticket-1')?.memberIdRemoved).toBe(guest);
      const [notice] = fake.notice('member_removed');
      expect(notice?.notice).toMatchObject({ kind: 'member_removed', memberId: guest, actor: staffActor });

      expect(
        (
          await refusalOf(
            handle.executeUpdate(removeMember, { args: [{ actor: staffActor, memberId: creatorActor.id }] }),
          )
        ).type,
      ).toBe('CreatorNotRemovable');
      await handle.executeUpdate(assignTicket, { args: [{ actor: otherStaff, assigneeId: otherStaff.id }] });
      expect(
        (
          await refusalOf(
            handle.executeUpdate(removeMember, { args: [{ actor: staffActor, memberId: otherStaff.id }] }),
          )
        ).type,
      ).toBe('AssigneeNotRemovable');
      expect(
        (await refusalOf(handle.executeUpdate(removeMember, { args: [{ actor: creatorActor, memberId: guest }] })))
          .type,
      ).toBe('Forbidden');
      expect(fake.eventKinds()).toEqual(['opened', 'member_added', 'member_removed', 'assigned']);
      expect((await state(workflowId)).members).toEqual([]);
    }));

  it("adds a role's members by mentioning it, says when Discord did not add them all, and refuses @everyone", () =>
    suite.withWorker(async ({ fake, open, state }) => {
      fake.largeRoles.add(bigRole);
      const { workflowId } = await open();
      const { threadId } = await state(workflowId);
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const added = await handle.executeUpdate(addRole, { args: [{ actor: staffActor, roleId: helpersRole }] });
      expect(added.someMembersNotAdded).toBe(false);
      const large = await handle.executeUpdate(addRole, { args: [{ actor: staffActor, roleId: bigRole }] });
      expect(large.someMembersNotAdded).toBe(true);
      const notices = fake.notice('role_added');
      expect(notices.map((n) => [n.channelId, n.notice.kind === 'role_added' && n.notice.roleId])).toEqual([
        [threadId, helpersRole],
        [threadId, bigRole],
      ]);
      const roleEvents = [...fake.events.values()].filter((e) => e.kind === 'role_added').map((e) => e.data);
      expect(roleEvents).toEqual([
        { roleId: helpersRole, someMembersNotAdded: false },
        { roleId: bigRole, someMembersNotAdded: true },
      ]);
      expect(
        (await refusalOf(handle.executeUpdate(addRole, { args: [{ actor: staffActor, roleId: guildId }] }))).type,
      ).toBe('EveryoneRole');
      expect(
        (await refusalOf(handle.executeUpdate(addRole, { args: [{ actor: creatorActor, roleId: helpersRole }] }))).type,
      ).toBe('Forbidden');
      expect(fake.notice('role_added')).toHaveLength(2);
    }));

  it('asks before taking over a ticket someone else holds, and takes it over when confirmed', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });

      const refusal = await refusalOf(
        handle.executeUpdate(assignTicket, { args: [{ actor: otherStaff, assigneeId: otherStaff.id }] }),
      );
      expect(refusal.type).toBe('HeldByAnother');
      expect(refusal.details).toEqual([{ holderId: staffActor.id }]);
      // Releasing someone else's ticket is taking it from them too.
      expect(
        (await refusalOf(handle.executeUpdate(assignTicket, { args: [{ actor: otherStaff, assigneeId: null }] }))).type,
      ).toBe('HeldByAnother');
      expect((await handle.describe()).typedSearchAttributes.get(TicketAssigneeId)).toBe(staffActor.id);
      expect(fake.eventKinds()).toEqual(['opened', 'assigned']);

      const taken = await handle.executeUpdate(assignTicket, {
        args: [{ actor: otherStaff, assigneeId: otherStaff.id, takeOver: true }],
      });
      expect(taken.assigneeId).toBe(otherStaff.id);
      expect(fake.rows.get('ticket-1')?.assigneeId).toBe(otherStaff.id);
      expect(fake.eventKinds()).toEqual(['opened', 'assigned', 'assigned']);
    }));

  it('lets the assignee release (unclaim) and hand on their own ticket without confirming', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });
      const released = await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: null }] });
      expect(released.assigneeId).toBeNull();
      expect((await handle.describe()).typedSearchAttributes.get(TicketAssigneeId)).toBeUndefined();
      await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });
      await handle.executeUpdate(assignTicket, {
        args: [{ actor: staffActor, assigneeId: otherStaff.id, assigneeIsStaff: true }],
      });
      expect(fake.eventKinds()).toEqual(['opened', 'assigned', 'unassigned', 'assigned', 'assigned']);
      await eventually(() => expect(fake.notice('assigned')).toHaveLength(4));
    }));

  it('refuses a non-staff assignee, changing nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const refusal = await refusalOf(
        handle.executeUpdate(assignTicket, {
          args: [{ actor: staffActor, assigneeId: guest, assigneeIsStaff: false }],
        }),
      );
      expect(refusal).toMatchObject({ type: 'AssigneeNotStaff' });
      expect(refusal.message).toContain(`<@${guest}>`);
      expect(fake.eventKinds()).toEqual(['opened']);
      expect(fake.notice('assigned')).toHaveLength(0);
      const history = await handle.fetchHistory();
      // The one accepted update is the open itself.
      expect(history.events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
    }));
});
