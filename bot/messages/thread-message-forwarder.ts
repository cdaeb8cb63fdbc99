import { WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { Message, PartialMessage } from 'discord.js';
import { findTicketByThread } from '../../store/find-ticket.ts';
import { addLogContext, log, withLogContext } from '../../telemetry/log-context.ts';
import { messageDeleted, messageEdited, replyReceived } from '../../workflows/ticket/definitions.ts';
import type { BotContext } from '../bot-context.ts';
import { logFailure } from '../replies.ts';
import { retrySignal, SIGNAL_RETRY_DELAYS_MS } from './retry-signal.ts';
import { isTicketSpace } from './ticket-space.ts';
import { isMemberMessage, toTicketMessage } from './to-ticket-message.ts';

/**
 * Turns what people write in ticket threads into the ticket's signals: new messages are replies, edits replace
 * them, deletes mark them. The gateway never waits on this: each thread has its own queue, so a slow Temporal
 * delays only that thread's signals, and they still reach the ticket in the order Discord sent them.
 */
export function createThreadMessageForwarder(context: BotContext, retryDelaysMs = SIGNAL_RETRY_DELAYS_MS) {
  const queues = new Map<string, Promise<void>>();

  function enqueue(guildId: string, threadId: string, work: () => Promise<void>): void {
    const next = withLogContext({ guildId, threadId }, () =>
      (queues.get(threadId) ?? Promise.resolve())
        .then(() => retrySignal(work, retryDelaysMs, (error, delayMs) => retrying(error, delayMs)))
        .catch((error: unknown) => logFailure(`could not forward a message of thread ${threadId}`, error)),
    );
    queues.set(threadId, next);
    void next.finally(() => {
      if (queues.get(threadId) === next) queues.delete(threadId);
    });
  }

  function retrying(error: unknown, delayMs: number): void {
    log().warn({ err: error, delayMs }, 'a thread message waits for its ticket');
  }

  async function signalTicket<Arg>(
    guildId: string,
    threadId: string,
    signal: SignalDefinition<[Arg]>,
    arg: Arg,
  ): Promise<void> {
    const ticket = await findTicketByThread(context.prisma, guildId, threadId);
    if (!ticket || ticket.status === 'closed') return;
    addLogContext({ ticketNumber: ticket.number, workflowId: ticket.workflowId });
    try {
      await context.temporal.workflow.getHandle(ticket.workflowId).signal(signal, arg);
    } catch (error) {
      // The ticket ended since its row was read: nothing is recorded after a close.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  return {
    /** Whether the message was queued as a reply: only people's messages in threads and ticket channels are. */
    messageCreated(message: Message): boolean {
      if (!isMemberMessage(message) || !isTicketSpace(message.channel)) return false;
      enqueue(message.guildId, message.channelId, () =>
        signalTicket(message.guildId, message.channelId, replyReceived, toTicketMessage(message)),
      );
      return true;
    },

    messageUpdated(message: Message | PartialMessage): void {
      if (message.partial || !isMemberMessage(message) || !isTicketSpace(message.channel)) return;
      // Discord also sends updates when it adds link previews; only an edit by the author changes the record.
      if (message.editedTimestamp === null) return;
      enqueue(message.guildId, message.channelId, () =>
        signalTicket(message.guildId, message.channelId, messageEdited, toTicketMessage(message)),
      );
    },

    /** A deleted message may be unknown to the cache; the ticket ignores ids it never stored (bots' included). */
    messageDeleted(message: Message | PartialMessage): void {
      const guildId = message.guildId;
      if (!guildId || !isTicketSpace(message.channel) || (!message.partial && !isMemberMessage(message))) return;
      const deletion = { messageId: message.id, deletedAt: Date.now() };
      enqueue(guildId, message.channelId, () => signalTicket(guildId, message.channelId, messageDeleted, deletion));
    },
  };
}

export type ThreadMessageForwarder = ReturnType<typeof createThreadMessageForwarder>;
