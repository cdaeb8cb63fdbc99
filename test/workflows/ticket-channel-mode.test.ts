import { describe, expect, it } from 'vitest';
import { addMember, addRole, closeTicket, removeMember } from '../../workflows/ticket/definitions.ts';
import { defaultTestSettings, type RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { creator, eventually, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();

const FIRST_CATEGORY = '210000000000000001';
const SECOND_CATEGORY = '210000000000000002';
const STAFF_ROLE = defaultTestSettings.staffRoleIds[0] as string;

/** The ticket type opens tickets as channels in two categories, the first holding `firstHolds` channels already. */
function channelMode(firstHolds = 0, secondHolds = 0) {
  return (fake: RecordingTicketActivities) => {
    fake.settings = { ...defaultTestSettings, mode: 'channel', ticketCategoryIds: [FIRST_CATEGORY, SECOND_CATEGORY] };
    fake.categoryFill.set(FIRST_CATEGORY, firstHolds);
    fake.categoryFill.set(SECOND_CATEGORY, secondHolds);
  };
}

const called = (fake: RecordingTicketActivities, name: string) => fake.calls.filter((call) => call.name === name);

describe('a ticket type in channel mode', () => {
  it('opens the ticket as a private channel in the first category with room, its people let in as it is made', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const result = await open();
      if (result.outcome !== 'opened') throw new Error(`not opened: ${JSON.stringify(result)}`);
      const channel = fake.ticketChannels.get('ticket-1');
      expect(channel).toMatchObject({ id: result.threadId, categoryId: FIRST_CATEGORY, name: '0001-support-alice' });
      expect(Object.fromEntries(channel?.access ?? [])).toEqual({ [creator.id]: 'write', [STAFF_ROLE]: 'write' });
      expect(called(fake, 'createTicketChannel')[0]?.input).toMatchObject({
        topic: 'Ticket #0001 · ticketflow:ticket-1',
        creatorId: creator.id,
        staffRoleIds: [STAFF_ROLE],
      });
      // No thread, no member to add, no staff mention: the overwrites did it.
      for (const name of ['createTicketThread', 'addThreadMembers', 'addStaffToThread']) {
        expect(called(fake, name)).toHaveLength(0);
      }
      await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));
      expect(fake.notice('welcome')[0]?.channelId).toBe(result.threadId);
      expect(await state(result.workflowId)).toMatchObject({ channelKind: 'channel', threadId: result.threadId });
      expect(fake.rows.get('ticket-1')?.threadId).toBe(result.threadId);
    }, channelMode()));

  it('overflows into the next category when the first holds its 50 channels', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      expect(result.outcome).toBe('opened');
      expect(fake.ticketChannels.get('ticket-1')?.categoryId).toBe(SECOND_CATEGORY);
    }, channelMode(50)));

  it('refuses the ticket, naming the fix, when every category is full, and closes its row', () =>
    suite.withWorker(
      async ({ fake, open, state }) => {
        const result = await open();
        expect(result).toMatchObject({ outcome: 'refused', code: 'categories_full' });
        if (result.outcome !== 'refused') throw new Error('not refused');
        expect(result.message).toContain('/ticket-config categories');
        expect(fake.ticketChannels.size).toBe(0);
        expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed', closeReason: result.message });
        expect((await state(result.workflowId ?? '')).status).toBe('refused');
        // After answering the member the run tells staff (workflows/ticket/categories-full.ts); it ends once that is done.
        await suite
          .env()
          .client.workflow.getHandle(result.workflowId ?? '')
          .result();
      },
      channelMode(50, 50),
    ));

  it('adds a member by an overwrite, locks the channel at close, keeps the transcript and deletes it when final', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      if (result.outcome !== 'opened') throw new Error('not opened');
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      const member = '500000000000000042';
      await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: member }] });
      const channel = fake.ticketChannels.get('ticket-1');
      expect(channel?.access.get(member)).toBe('write');
      expect(called(fake, 'addThreadMembers')).toHaveLength(0);

      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
      await handle.result();
      // Its people may read it and not write; staff roles keep writing, as in a locked thread.
      expect(called(fake, 'setTicketChannelAccess').at(-1)?.input).toMatchObject({
        access: [
          { id: creator.id, kind: 'member', access: 'read' },
          { id: member, kind: 'member', access: 'read' },
        ],
      });
      expect(channel?.access.get(STAFF_ROLE)).toBe('write');
      expect(called(fake, 'lockThread')).toHaveLength(0);
      expect(fake.transcripts).toEqual(['100000000000000001/0001']);
      // The transcript is made from the locked channel before the channel goes.
      const order = fake.calls.map((call) => call.name);
      expect(order.lastIndexOf('setTicketChannelAccess')).toBeLessThan(order.indexOf('renderTranscript'));
      expect(order.indexOf('renderTranscript')).toBeLessThan(order.indexOf('deleteTicketChannel'));
      expect(channel?.deleted).toBe(true);
    }, channelMode()));

  it('removes a member and lets a role in by overwrites, announcing the role', () =>
    suite.withWorker(async ({ fake, open }) => {
      const result = await open();
      if (result.outcome !== 'opened') throw new Error('not opened');
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      const member = '500000000000000042';
      const role = '300000000000000077';
      await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: member }] });
      await handle.executeUpdate(removeMember, { args: [{ actor: staffActor, memberId: member }] });
      await handle.executeUpdate(addRole, { args: [{ actor: staffActor, roleId: role }] });
      const channel = fake.ticketChannels.get('ticket-1');
      expect(channel?.access.has(member)).toBe(false);
      expect(channel?.access.get(role)).toBe('write');
      expect(fake.notice('role_added')).toHaveLength(1);
      expect(called(fake, 'removeThreadMember')).toHaveLength(0);
      expect(called(fake, 'addRoleToThread')).toHaveLength(0);
    }, channelMode()));

  it('leaves thread-mode tickets as they were: a thread, locked and kept', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const result = await open();
      if (result.outcome !== 'opened') throw new Error('not opened');
      expect((await state(result.workflowId)).channelKind).toBeUndefined();
      const handle = suite.env().client.workflow.getHandle(result.workflowId);
      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
      await handle.result();
      expect(fake.threads.get('0001-support-alice')?.locked).toBe(true);
      for (const name of ['createTicketChannel', 'setTicketChannelAccess', 'deleteTicketChannel']) {
        expect(called(fake, name)).toHaveLength(0);
      }
    }));
});
