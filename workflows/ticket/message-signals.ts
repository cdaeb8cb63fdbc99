import * as wf from '@temporalio/workflow';
import type { ZodType } from 'zod';
import type { TicketMessage } from '../../domain/ticket.ts';
import { editedTicketMessageSchema, messageDeletionSchema, ticketMessageSchema } from '../../domain/ticket-message.ts';
import { type MessageChange, messageDeleted, messageEdited, replyReceived } from './definitions.ts';
import type { TicketRun } from './run.ts';

/**
 * Guards the edit and delete handlers. A worker without them buffered such signals and ignored them, so a history
 * it wrote holds signals that queued nothing; replaying it, the handlers must ignore them too.
 */
export const MESSAGE_EDITS_AND_DELETES_PATCH = 'message-edits-and-deletes';

/**
 * The thread's messages as signals: new ones, edits and deletes each queue a change for the message pump.
 * Signals cannot be refused, so a malformed payload is dropped alone and logged. Returns how a reply is taken, for
 * replies that come another way (a staff reply from the panel).
 */
export function setMessageSignalHandlers(
  run: TicketRun,
  changes: MessageChange[],
  onReply: (message: TicketMessage) => void = () => {},
): (message: TicketMessage) => void {
  const { ticket } = run;
  // A change is taken while the run lives: the workflow stores everything it took before it ends, and once it has
  // ended the bot's signal fails, so nothing is taken and then lost. Runs begun by older workers stopped taking
  // changes at the close, and replay as they ran.
  const accepting = () => ticket.status !== 'refused' && (run.hardened || ticket.status !== 'closed');
  const wellFormed = <T>(schema: ZodType<T>, payload: T, what: string, messageId: unknown): boolean => {
    if (schema.safeParse(payload).success) return true;
    wf.log.warn(`malformed ${what} ignored`, { workflowId: ticket.workflowId, messageId: String(messageId) });
    return false;
  };
  const noteActivity = () => {
    ticket.lastActivityAt = Date.now();
    ticket.warnedAt = null;
  };

  const acceptReply = (message: TicketMessage) => {
    if (!run.rememberMessage(message.id)) return;
    ticket.replyCount += 1;
    noteActivity();
    changes.push({ kind: 'message', message });
    onReply(message);
  };
  wf.setHandler(
    replyReceived,
    (message) => {
      if (!accepting() || !wellFormed(ticketMessageSchema, message, 'reply', message?.id)) return;
      acceptReply(message);
    },
    { description: 'A member or staff message in the thread: stored, and it restarts the inactivity window.' },
  );
  wf.setHandler(
    messageEdited,
    (message) => {
      if (!accepting() || !wellFormed(editedTicketMessageSchema, message, 'edit', message?.id)) return;
      if (!wf.patched(MESSAGE_EDITS_AND_DELETES_PATCH)) return;
      // Someone editing their message is present and working on the ticket, so staff would not want it
      // closed as idle; a bot editing its own notice says nothing about the people in it.
      if (!message.authorIsBot) noteActivity();
      changes.push({ kind: 'message', message });
    },
    {
      description:
        'A thread message edited: its newest version is stored (not a new reply); a person editing restarts the inactivity window.',
    },
  );
  wf.setHandler(
    messageDeleted,
    (deletion) => {
      if (!accepting() || !wellFormed(messageDeletionSchema, deletion, 'deletion', deletion?.messageId)) return;
      if (!wf.patched(MESSAGE_EDITS_AND_DELETES_PATCH)) return;
      changes.push({ kind: 'deletion', deletion });
    },
    { description: 'A thread message deleted: the stored copy is kept and marked deleted; not activity.' },
  );
  return acceptReply;
}
