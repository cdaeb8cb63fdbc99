import type { ClosureFacts } from '../domain/ticket.ts';
import { ticketActivities as act, transcriptActivities } from './ticket-activities.ts';
import { type TicketRun, unlessDiscordTargetGone } from './ticket-run.ts';

/**
 * Closing, in an order that loses nothing: tell the thread, store the transcript, post the summary,
 * lock and archive the thread, and only then mark the row closed (the panel's source of truth).
 */
export async function closeTicketRecord(run: TicketRun, closure: ClosureFacts): Promise<void> {
  const { ticket } = run;
  ticket.closure = closure;
  const threadId = ticket.threadId;
  if (threadId) {
    await unlessDiscordTargetGone(run, 'closing notice', () =>
      act.postNotice({
        channelId: threadId,
        idempotencyKey: run.nextKey('closing'),
        notice: { kind: 'closing', ticket: run.facts(), closure },
      }),
    );
  }
  const transcript = await transcriptActivities.renderTranscript({
    ...run.ref(),
    number: ticket.number ?? 0,
    closure,
  });
  ticket.transcriptKey = transcript.key;
  const historiesChannelId = ticket.settings?.historiesChannelId;
  if (historiesChannelId) {
    await unlessDiscordTargetGone(run, 'summary', () =>
      act.postNotice({
        channelId: historiesChannelId,
        idempotencyKey: run.nextKey('summary'),
        notice: {
          kind: 'summary',
          ticket: run.facts(),
          closure,
          transcriptKey: transcript.key,
          messageCount: transcript.messageCount,
        },
      }),
    );
  }
  if (threadId) {
    await unlessDiscordTargetGone(run, 'lock', () =>
      act.lockThread({ threadId, reason: `Ticket closed${closure.reason ? `: ${closure.reason}` : ''}` }),
    );
  }
  await act.recordTicketChange({
    ...run.ref(),
    event: {
      key: run.nextKey('closed'),
      kind: 'closed',
      actorId: closure.closedById,
      at: closure.closedAt,
      data: { reason: closure.reason, automatic: closure.automatic },
    },
    patch: {
      status: 'closed',
      closedAt: closure.closedAt,
      closeReason: closure.reason,
      closedById: closure.closedById,
      transcriptKey: transcript.key,
    },
  });
  ticket.status = 'closed';
  run.publish();
}
