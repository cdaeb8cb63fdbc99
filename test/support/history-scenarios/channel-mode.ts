import { addMember, closeTicket, replyReceived } from '../../../workflows/ticket/definitions.ts';
import { defaultTestSettings, type RecordingTicketActivities } from '../recording-ticket-activities.ts';
import { eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const CATEGORIES = ['210000000000000001', '210000000000000002'];

/** A type in channel mode; the first category holds `firstHolds` channels already. */
export function channelMode(firstHolds: number, secondHolds = 0) {
  return (fake: RecordingTicketActivities) => {
    fake.settings = { ...defaultTestSettings, mode: 'channel', ticketCategoryIds: CATEGORIES };
    fake.categoryFill.set(CATEGORIES[0] as string, firstHolds);
    fake.categoryFill.set(CATEGORIES[1] as string, secondHolds);
  };
}

/** Tickets opened as private channels: the whole life in one (overflowing into the second category), and a refusal. */
export const channelModeScenarios: HistoryScenario[] = [
  {
    name: 'channel-mode-overflowed-member-added-closed',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ fake, open }) => {
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          await handle.signal(replyReceived, reply('840000000000000001', Date.now()));
          await handle.signal(replyReceived, reply('840000000000000002', Date.now(), staffActor));
          await handle.executeUpdate(addMember, { args: [{ actor: staffActor, memberId: '500000000000000042' }] });
          await eventually(() => {
            if (fake.messages.size !== 2) throw new Error('replies not stored yet');
          });
          await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'solved' }] });
          await handle.result();
          await save('channel-mode-overflowed-member-added-closed', workflowId);
        },
        channelMode(50),
      );
    },
  },
  {
    name: 'channel-mode-categories-full',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ open }) => {
          const { workflowId } = await open();
          await env.client.workflow.getHandle(workflowId).result();
          await save('channel-mode-categories-full', workflowId);
        },
        channelMode(50, 50),
      );
    },
  },
];
