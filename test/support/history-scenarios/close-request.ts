import {
  answerCloseRequest,
  disableTimer,
  getTicketState,
  replyReceived,
  requestClose,
  resumeTimer,
} from '../../../workflows/ticket/definitions.ts';
import { creatorActor, eventually, reply, staffActor, withTicketWorker } from '../ticket-harness.ts';
import type { HistoryScenario } from './history-scenario.ts';

const HOUR = 3_600_000;

/**
 * Close requests and the timer's reason (issue 10, items 1 and 10): a request the member cancels by replying, one
 * they keep open, the timer turned off with a reason and on again, and a last request that expires and closes.
 */
export const closeRequestScenarios: HistoryScenario[] = [
  {
    name: 'close-request-replied-kept-open-then-expired',
    async record({ env, bundle, save }) {
      await withTicketWorker(env, bundle, async ({ fake, open }) => {
        const { workflowId } = await open();
        const handle = env.client.workflow.getHandle(workflowId);
        const pendingRequest = async () => {
          const request = (await handle.query(getTicketState)).pendingCloseRequest;
          if (!request) throw new Error('no close request is pending');
          return request;
        };
        await handle.executeUpdate(requestClose, { args: [{ actor: staffActor, reason: 'Answered in the FAQ' }] });
        const replied = await pendingRequest();
        await handle.signal(replyReceived, reply('840000000000000001', replied.requestedAt + 1));
        await eventually(async () => {
          if ((await handle.query(getTicketState)).pendingCloseRequest !== null) throw new Error('not cancelled yet');
        });
        await handle.executeUpdate(requestClose, { args: [{ actor: staffActor, afterMs: 6 * HOUR }] });
        const kept = await pendingRequest();
        await handle.executeUpdate(answerCloseRequest, {
          args: [{ actor: creatorActor, requestId: kept.id, answer: 'keep_open' }],
        });
        await handle.executeUpdate(disableTimer, { args: [{ actor: staffActor, reason: 'Waiting for the courier' }] });
        await env.sleep(48 * HOUR);
        await handle.executeUpdate(resumeTimer, { args: [{ actor: staffActor }] });
        await handle.executeUpdate(requestClose, { args: [{ actor: staffActor, reason: 'Parcel delivered' }] });
        await env.sleep(25 * HOUR);
        await handle.result();
        await eventually(() => {
          if (fake.closeRequestEdits.length !== 3) throw new Error('request messages not all edited yet');
        });
        await save('close-request-replied-kept-open-then-expired', workflowId);
      });
    },
  },
];
