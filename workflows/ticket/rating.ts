import type { TicketRating } from '../../domain/ticket.ts';
import { bestEffort } from './best-effort.ts';
import type { TicketRun } from './run.ts';
import { runStep } from './steps.ts';

/** Stores the creator's rating of the last close as an event and on the ticket row, and adds it to the summary. */
export async function recordRating(run: TicketRun, rating: TicketRating): Promise<void> {
  const { ticket } = run;
  const key = run.nextKey('rated');
  const { stars, comment } = rating;
  await runStep(run, { target: 'database', step: 'record the rating' }, () =>
    run.act.recordTicketChange({
      ...run.ref(),
      event: { key, kind: 'rated', actorId: ticket.creator.id, at: rating.ratedAt, data: { stars, comment } },
      patch: { rating: { stars, comment } },
    }),
  );
  ticket.rating = rating;
  const summary = ticket.summary;
  if (!summary) return;
  // The same edit however often it runs; a summary that cannot be edited keeps the rating in Postgres only.
  await bestEffort(run, 'add the rating to the summary', () =>
    run.act.editNotice({
      channelId: summary.channelId,
      messageId: summary.messageId,
      notice: { ...summary.notice, rating },
    }),
  );
}
