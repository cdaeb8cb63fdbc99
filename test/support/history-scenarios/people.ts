import {
  addMember,
  addRole,
  assignTicket,
  closeTicket,
  removeMember,
  replyReceived,
} from '../../../workflows/ticket/definitions.ts';
import type { RecordingTicketActivities } from '../recording-ticket-activities.ts';
import { eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const otherStaff = { id: '400000000000000002', name: 'kim', isStaff: true };
const guest = '500000000000000042';
const helpersRole = '300000000000000077';
const HOUR = 3_600_000;

const welcomed = (fake: RecordingTicketActivities) =>
  eventually(() => {
    if (fake.notice('welcome').length !== 1) throw new Error('not welcomed yet');
  });

/**
 * Ticket lives of the people features: claims and hand-overs as they were before the people rules (recorded before
 * the `ticket-people` patch, so they must keep replaying), and later the removals, roles, take-overs and routing.
 */
export const peopleScenarios: HistoryScenario[] = [
  {
    name: 'people-claims-before-the-rules',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await welcomed(fake);
        await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });
        // Before the rules another staff member's claim took the ticket over without asking; `takeOver` (ignored
        // then) lets the same life run under the rules too.
        await handle.executeUpdate(assignTicket, {
          args: [{ actor: otherStaff, assigneeId: otherStaff.id, takeOver: true }],
        });
        await handle.executeUpdate(addMember, { args: [{ actor: otherStaff, memberId: guest }] });
        await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: null, takeOver: true }] });
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'done' }] });
        await handle.result();
        await save('people-claims-before-the-rules', workflowId);
      });
    },
  },
  {
    name: 'people-removed-role-added-taken-over',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await welcomed(fake);
        await handle.executeUpdate(assignTicket, { args: [{ actor: staffActor, assigneeId: staffActor.id }] });
        await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: guest }] });
        await handle.executeUpdate(addRole, { args: [{ actor: staffActor, roleId: helpersRole }] });
        await handle.signal(replyReceived, reply('860000000000000001', Date.now()));
        await handle.executeUpdate(removeMember, { args: [{ actor: staffActor, memberId: guest }] });
        await handle.executeUpdate(assignTicket, {
          args: [{ actor: otherStaff, assigneeId: otherStaff.id, takeOver: true }],
        });
        await env.sleep(2 * HOUR);
        await handle.executeUpdate(assignTicket, { args: [{ actor: otherStaff, assigneeId: null }] });
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'done' }] });
        await handle.result();
        await save('people-removed-role-added-taken-over', workflowId);
      });
    },
  },
  {
    name: 'people-routed-on-open',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ fake, open }) => {
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          await eventually(() => {
            if (fake.notice('routed').length !== 1) throw new Error('not routed yet');
          });
          await handle.executeUpdate(closeTicket, { args: [{ actor: otherStaff, reason: 'done' }] });
          await handle.result();
          await save('people-routed-on-open', workflowId);
        },
        (fake) => {
          fake.settings = { ...fake.settings, routing: 'round_robin' };
          fake.chooseAssignee = async () => ({ assigneeId: otherStaff.id });
        },
      );
    },
  },
];
