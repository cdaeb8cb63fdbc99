import * as wf from '@temporalio/workflow';
import type { Actor } from '../../domain/ticket.ts';
import { ticketSpace } from './channel-mode.ts';
import { type AddRoleResult, type AssignTicketInput, addRole, removeMember, type TicketView } from './definitions.ts';
import { validateAddRole, validateAssignment, validateRemoveMember } from './people-rules.ts';
import type { TicketRun } from './run.ts';
import { assign, record, tellThread, unlessUnavailable } from './staff-actions.ts';

/**
 * Marks runs that follow the people rules on assignment (only staff, take-overs confirmed). Runs begun without it keep
 * assigning as they did. Removing members and adding roles are new updates, which no older history holds, so they
 * need no marker.
 */
export const TICKET_PEOPLE_PATCH = 'ticket-people';

type StaffAction = (action: () => Promise<void>) => Promise<TicketView>;

/** The people updates, registered with the others before the workflow's first await. */
export function setPeopleHandlers(run: TicketRun, staffAction: StaffAction): void {
  const { ticket } = run;
  wf.setHandler(removeMember, ({ actor, memberId }) => staffAction(() => removeTicketMember(run, actor, memberId)), {
    validator: ({ actor, memberId }) => validateRemoveMember(ticket, actor, memberId),
    description: "Staff remove a member from the ticket's thread; the creator and the assignee stay.",
  });
  wf.setHandler(
    addRole,
    async ({ actor, roleId }): Promise<AddRoleResult> => {
      let someMembersNotAdded = false;
      const view = await staffAction(async () => {
        someMembersNotAdded = await addTicketRole(run, actor, roleId);
      });
      return { ticket: view, someMembersNotAdded };
    },
    {
      validator: ({ actor, roleId }) => validateAddRole(ticket, actor, roleId),
      description: "Staff bring a role's members into the ticket's thread by mentioning the role there.",
    },
  );
}

/** The rules are checked again here: a change queued before this one may have claimed the ticket meanwhile. */
export async function assignUnderRules(run: TicketRun, input: AssignTicketInput, peopleRules: boolean): Promise<void> {
  if (peopleRules) validateAssignment(run.ticket, input);
  await assign(run, input.actor, input.assigneeId);
}

/** Out of the thread first: a member Discord would not remove is still in the ticket, and the caller hears why. */
async function removeTicketMember(run: TicketRun, actor: Actor, memberId: string): Promise<void> {
  const { ticket } = run;
  validateRemoveMember(ticket, actor, memberId);
  const threadId = ticket.threadId;
  if (threadId) {
    await unlessUnavailable(run, 'Discord did not remove the member from the thread', () =>
      ticketSpace(run, threadId).removeMember(memberId),
    );
  }
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('member_removed'),
      kind: 'member_removed',
      actorId: actor.id,
      at: Date.now(),
      data: { memberId },
    },
    patch: { memberIdRemoved: memberId },
  });
  ticket.members = ticket.members.filter((id) => id !== memberId);
  await tellThread(run, () => ({
    kind: 'member_removed',
    ticket: run.facts(),
    memberId,
    actor,
    language: ticket.settings?.language,
  }));
}

/**
 * The notice itself mentions the role, which makes Discord add its members; then the event records whether Discord
 * flagged the role as too large or unmentionable, so staff can give it access to the channel instead.
 */
async function addTicketRole(run: TicketRun, actor: Actor, roleId: string): Promise<boolean> {
  const { ticket } = run;
  const threadId = ticket.threadId;
  if (!threadId) return false;
  const idempotencyKey = run.nextKey('role_added');
  let someMembersNotAdded = false;
  await unlessUnavailable(run, "Discord did not add the role's members to the thread", async () => {
    ({ someMembersNotAdded } = await ticketSpace(run, threadId).addRole(roleId, idempotencyKey, {
      kind: 'role_added',
      ticket: run.facts(),
      roleId,
      actor,
      language: ticket.settings?.language,
    }));
  });
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('role_added'),
      kind: 'role_added',
      actorId: actor.id,
      at: Date.now(),
      data: { roleId, someMembersNotAdded },
    },
    patch: {},
  });
  return someMembersNotAdded;
}
