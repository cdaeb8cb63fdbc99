import { condition, log } from '@temporalio/workflow';
import type { MessageChange } from './definitions.ts';
import type { TicketRun } from './run.ts';
import { runStep } from './steps.ts';

/** Changes stored per activity call: a burst of chat costs one write, not one per message. */
const BATCH_SIZE = 100;

export interface MessagePump {
  /** Stores what is still queued, then stops (runs begun by older workers close this way). */
  drain(): Promise<void>;
  /** Resolves once everything queued so far is stored; the pump keeps running. */
  settled(): Promise<void>;
  /** While paused no new batch starts, so the queue can be carried to the next run as it is. */
  pause(): void;
  resume(): void;
  /** True while a batch is being stored. */
  busy(): boolean;
  /** True when nothing is queued or being stored. */
  idle(): boolean;
  /** How many changes have been stored in this run. */
  stored(): number;
}

/**
 * Stores message changes beside the timer loop, so a chatty ticket never cancels and restarts its inactivity
 * timer. Waits for the ticket row before the first write. A batch's deletions are applied after its messages,
 * so a message deleted moments after it was posted is stored, then marked deleted. A store that keeps failing
 * becomes the ticket's problem and is retried until it succeeds: an accepted reply is never dropped.
 */
export function startMessagePump(run: TicketRun, queue: MessageChange[]): MessagePump {
  let draining = false;
  let paused = false;
  let inFlight = false;
  let storedCount = 0;
  const ready = () => queue.length > 0 && run.ticket.ticketId !== null;
  const done = (async () => {
    for (;;) {
      await condition(() => draining || (!paused && ready()));
      // Paused after this wait ended but before it resumed: the queue is being carried to the next run as it is.
      if (paused && !draining) continue;
      if (!ready()) return;
      const batch = queue.splice(0, BATCH_SIZE);
      inFlight = true;
      await storeBatch(run, batch);
      inFlight = false;
      storedCount += batch.length;
      run.publish();
    }
  })();
  return {
    async drain() {
      draining = true;
      await done;
    },
    settled: () => condition(() => queue.length === 0 && !inFlight),
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    busy: () => inFlight,
    idle: () => queue.length === 0 && !inFlight,
    stored: () => storedCount,
  };
}

async function storeBatch(run: TicketRun, batch: MessageChange[]): Promise<void> {
  const messages = batch.flatMap((change) => (change.kind === 'message' ? [change.message] : []));
  const deletions = batch.flatMap((change) => (change.kind === 'deletion' ? [change.deletion] : []));
  const store = () => run.act.storeMessages({ ...run.ref(), messages, ...(deletions.length > 0 ? { deletions } : {}) });
  if (run.hardened) {
    await runStep(run, { target: 'database', step: 'store the thread messages' }, store);
    return;
  }
  try {
    await store();
  } catch (err) {
    // Older runs: only a non-retryable fault gets here (the row is gone); storing cannot succeed, the ticket goes on.
    log.error('ticket messages could not be stored', { workflowId: run.ticket.workflowId, error: String(err) });
  }
}
