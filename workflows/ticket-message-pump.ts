import { condition, log } from '@temporalio/workflow';
import type { TicketMessage } from '../domain/ticket.ts';
import { ticketActivities as act } from './ticket-activities.ts';
import type { TicketRun } from './ticket-run.ts';

/** Replies stored per activity call: a burst of chat costs one write, not one per message. */
const BATCH_SIZE = 100;

export interface MessagePump {
  /** Stores what is still queued, then stops. */
  drain(): Promise<void>;
}

/**
 * Stores replies beside the timer loop, so a chatty ticket never cancels and restarts its inactivity
 * timer. Waits for the ticket row before the first write.
 */
export function startMessagePump(run: TicketRun, queue: TicketMessage[]): MessagePump {
  let stopping = false;
  const done = (async () => {
    for (;;) {
      await condition(() => stopping || (queue.length > 0 && run.ticket.ticketId !== null));
      if (queue.length === 0 || run.ticket.ticketId === null) return;
      const batch = queue.splice(0, BATCH_SIZE);
      try {
        await act.storeMessages({ ...run.ref(), messages: batch });
      } catch (err) {
        // Only a non-retryable fault gets here (the row is gone): storing cannot succeed, the ticket goes on.
        log.error('ticket replies could not be stored', { workflowId: run.ticket.workflowId, error: String(err) });
      }
      run.publish();
    }
  })();
  return {
    async drain() {
      stopping = true;
      await done;
    },
  };
}
