import {
  addMember,
  addRole,
  answerCloseRequest,
  assignTicket,
  closeTicket,
  disableTimer,
  getTicketState,
  rateTicket,
  removeMember,
  reopenTicket,
  replyAsStaff,
  replyReceived,
  requestClose,
  resumeTimer,
} from '../../../workflows/ticket/definitions.ts';
import { changeLabels, moveTicket, renameTicket, setPriority } from '../../../workflows/ticket/metadata-definitions.ts';
import { creatorActor, eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const otherStaff = { id: '400000000000000002', name: 'kim', isStaff: true };
const guest = '500000000000000042';
const helpersRole = '300000000000000077';
const supportHours = {
  timeZone: 'Europe/Berlin',
  windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: 9 * 60, end: 17 * 60 })),
  holidays: [],
};

/**
 * One ticket through every feature of issue 10 over 30 simulated days: routed at open outside support hours, SLA
 * breaches, priority, labels, rename, move, people, a take-over, the timer off with a reason, three close requests
 * (cancelled by a reply, kept open, expired), a rating, a reopen, a second close and rating, and the window ending.
 * Its history length is the number the issue asks for; replaying it guards all the patches at once.
 */
export const everyFeatureScenarios: HistoryScenario[] = [
  {
    name: 'every-feature-over-30-days',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ fake, open }) => {
          const start = await env.currentTimeMs();
          const saturday = new Date(start);
          saturday.setUTCHours(12, 0, 0, 0);
          while (saturday.getTime() <= start || saturday.getUTCDay() !== 6)
            saturday.setUTCDate(saturday.getUTCDate() + 1);
          await env.sleep(saturday.getTime() - start);
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          let messageSeq = 0;
          // Stamped with the skipped clock, as Discord stamps a message when it is sent.
          const memberSays = async () =>
            handle.signal(
              replyReceived,
              reply(`88000000000000${String(++messageSeq).padStart(4, '0')}`, await env.currentTimeMs()),
            );
          const staffSays = (content: string) =>
            handle.executeUpdate(replyAsStaff, { args: [{ actor: otherStaff, content }] });
          const pendingRequest = async () => {
            const request = (await handle.query(getTicketState)).pendingCloseRequest;
            if (!request) throw new Error('no close request is pending');
            return request;
          };
          await eventually(() => {
            if (fake.notice('routed').length !== 1) throw new Error('not routed yet');
          });

          await memberSays();
          await handle.executeUpdate(setPriority, { args: [{ actor: otherStaff, priority: 'high' }] });
          await handle.executeUpdate(changeLabels, {
            args: [{ actor: otherStaff, add: ['billing', 'bug'], remove: [] }],
          });
          await env.sleep(2 * DAY);
          await staffSays('Looking into it.');
          await handle.executeUpdate(renameTicket, { args: [{ actor: otherStaff, name: 'Charged twice' }] });
          await handle.executeUpdate(addMember, { args: [{ actor: otherStaff, memberId: guest }] });
          await handle.executeUpdate(addRole, { args: [{ actor: otherStaff, roleId: helpersRole }] });
          await handle.executeUpdate(removeMember, { args: [{ actor: otherStaff, memberId: guest }] });
          await handle.executeUpdate(assignTicket, {
            args: [{ actor: staffActor, assigneeId: staffActor.id, takeOver: true }],
          });
          await handle.executeUpdate(disableTimer, { args: [{ actor: staffActor, reason: 'Waiting for the bank' }] });
          await env.sleep(3 * DAY);
          await handle.executeUpdate(resumeTimer, { args: [{ actor: staffActor }] });
          await handle.executeUpdate(requestClose, { args: [{ actor: staffActor, reason: 'Refund sent' }] });
          await pendingRequest();
          await env.sleep(HOUR);
          await memberSays();
          await handle.executeUpdate(moveTicket, { args: [{ actor: staffActor, typeKey: 'billing' }] });
          await handle.executeUpdate(setPriority, { args: [{ actor: staffActor, priority: 'urgent' }] });
          await env.sleep(2 * DAY);
          await handle.executeUpdate(requestClose, { args: [{ actor: staffActor, afterMs: 12 * HOUR }] });
          const kept = await pendingRequest();
          await handle.executeUpdate(answerCloseRequest, {
            args: [{ actor: creatorActor, requestId: kept.id, answer: 'keep_open' }],
          });
          for (let day = 0; day < 12; day += 1) {
            await env.sleep(DAY);
            await memberSays();
            await staffSays(`Update ${day + 1}: still with the bank.`);
          }
          await handle.executeUpdate(requestClose, { args: [{ actor: staffActor, reason: 'Refund arrived' }] });
          await env.sleep(25 * HOUR);
          await eventually(async () => {
            if ((await handle.query(getTicketState)).status !== 'closed') throw new Error('not closed yet');
          });
          await handle.executeUpdate(rateTicket, {
            args: [{ actor: creatorActor, stars: 4, comment: 'Slow bank, kind staff' }],
          });
          await env.sleep(DAY);
          await handle.executeUpdate(reopenTicket, { args: [{ actor: creatorActor }] });
          await memberSays();
          await env.sleep(2 * DAY);
          await staffSays('Sorted now.');
          await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'Charged once again' }] });
          await env.sleep(DAY);
          await handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 5 }] });
          await env.sleep(8 * DAY);
          await handle.result();
          await save('every-feature-over-30-days', workflowId);
        },
        (fake) => {
          fake.settings = {
            ...fake.settings,
            routing: 'round_robin',
            sla: { supportHours, firstResponseMinutes: 120, resolutionMinutes: 16 * 60, escalationRoleId: helpersRole },
          };
          fake.chooseAssignee = async () => ({ assigneeId: otherStaff.id });
          fake.guildLabels = ['billing', 'bug', 'refund'];
          fake.otherTypes.set('billing', {
            typeName: 'Billing',
            openingMessage: 'Tell us about the invoice.',
            questions: ['Invoice number?'],
            staffRoleIds: ['300000000000000001', '300000000000000009'],
          });
        },
      );
    },
  },
];
