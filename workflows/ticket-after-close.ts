import { allHandlersFinished, condition } from '@temporalio/workflow';
import { retireTicketSpace } from './ticket-channel-mode.ts';
import { type Closed, storeLateMessages } from './ticket-closing.ts';
import type { MessagePump } from './ticket-message-pump.ts';
import type { TicketRun } from './ticket-run.ts';

/**
 * The closed ticket, until its run ends: messages that still reach it are stored and its transcript made again.
 * Runs begun by older workers only let running handlers finish, as they did.
 */
export async function afterClose(run: TicketRun, closed: Closed, pump: MessagePump): Promise<void> {
  if (run.hardened) {
    await storeLateMessages(run, closed, pump);
    await retireTicketSpace(run);
  } else await condition(allHandlersFinished);
}
