import { condition, log } from '@temporalio/workflow';
import type { MessageDeletion, TicketMessage } from '../domain/ticket.ts';
import { ticketActivities as act } from './ticket-activities.ts';
import type { TicketRun } from './ticket-run.ts';

/** Changes stored per activity call: a burst of chat costs one write, not one per message. */
const BATCH_SIZE = 100;

/** A change to the thread's messages, queued in arrival order: a new or edited message, or a deletion. */
export type MessageChange =
  | { kind: 'message'; message: TicketMessage }
  | { kind: 'deletion'; deletion: MessageDeletion };

export interface MessagePump {
  /** Stores what is still queued, then stops. */
  drain(): Promise<void>;
}

/**
 * Stores message changes beside the timer loop, so a chatty ticket never cancels and restarts its inactivity
 * timer. Waits for the ticket row before the first write. A batch's deletions are applied after its messages,
 * so a message deleted moments after it was posted is stored, then marked deleted.
 */
export function startMessagePump(run: TicketRun, queue: MessageChange[]): MessagePump {
  let stopping = false;
  const done = (async () => {
    for (;;) {
      await condition(() => stopping || (queue.length > 0 && run.ticket.ticketId !== null));
      if (queue.length === 0 || run.ticket.ticketId === null) return;
      const batch = queue.splice(0, BATCH_SIZE);
      const messages = batch.flatMap((change) => (change.kind === 'message' ? [change.message] : []));
      const deletions = batch.flatMap((change) => (change.kind === 'deletion' ? [change.deletion] : []));
      try {
        await act.storeMessages({ ...run.ref(), messages, ...(deletions.length > 0 ? { deletions } : {}) });
      } catch (err) {
        // Only a non-retryable fault gets here (the row is gone): storing cannot succeed, the ticket goes on.
        log.error('ticket messages could not be stored', { workflowId: run.ticket.workflowId, error: String(err) });
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
