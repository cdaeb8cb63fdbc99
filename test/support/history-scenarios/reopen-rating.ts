import { closeTicket, rateTicket, reopenTicket, replyReceived } from '../../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const DAY = 24 * 3_600_000;

/** Ticket lives after the close: the reopen window, reopening, and the creator's rating. */
export const reopenRatingScenarios: HistoryScenario[] = [
  {
    // Recorded before the reopen window existed too: that run ends at the close and must replay as it ran.
    name: 'reopen-closed-then-final',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await handle.signal(replyReceived, reply('860000000000000001', Date.now()));
        await eventually(() => {
          if (fake.messages.size !== 1) throw new Error('reply not stored yet');
        });
        await handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor, reason: 'solved' }] });
        await handle.result();
        await save('reopen-closed-then-final', workflowId);
      });
    },
  },
  {
    name: 'reopen-reopened-closed-rated',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        await handle.signal(replyReceived, reply('860000000000000011', Date.now()));
        await eventually(() => {
          if (fake.messages.size !== 1) throw new Error('reply not stored yet');
        });
        await handle.executeUpdate(closeTicket, { args: [{ actor: creatorActor, reason: 'solved' }] });
        await env.sleep(2 * DAY);
        await handle.executeUpdate(reopenTicket, { args: [{ actor: creatorActor }] });
        await handle.signal(replyReceived, reply('860000000000000012', Date.now()));
        await eventually(() => {
          if (fake.messages.size !== 2) throw new Error('reply not stored yet');
        });
        await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'fixed for good' }] });
        await env.sleep(DAY);
        await handle.executeUpdate(rateTicket, { args: [{ actor: creatorActor, stars: 5, comment: 'Thanks!' }] });
        await env.sleep(7 * DAY);
        await handle.result();
        await save('reopen-reopened-closed-rated', workflowId);
      });
    },
  },
  {
    name: 'reopen-rating-asked-in-thread',
    async record({ env, bundle, save }) {
      await withTicketWorker(
        env,
        bundle,
        async ({ open }) => {
          const { workflowId } = await open();
          const handle = env.client.workflow.getHandle(workflowId);
          await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor }] });
          await env.sleep(8 * DAY);
          await handle.result();
          await save('reopen-rating-asked-in-thread', workflowId);
        },
        (fake) => {
          fake.dmsClosed.add(creatorActor.id);
        },
      );
    },
  },
];
