import { proxyActivities } from '@temporalio/workflow';
import type { TicketActivities } from '../domain/ticket.ts';

/**
 * Discord and Postgres calls are short; retries back off to a minute and never give up on transient
 * faults, because a ticket must not lose a reply or a close. Activities mark the faults no retry can
 * fix (a deleted thread, a missing permission, an unknown ticket) as non-retryable.
 */
export const ticketActivities = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Rendering a transcript reads the whole conversation and copies attachments: it gets longer. It heartbeats,
 * so an attempt whose worker died is retried within a minute rather than after the whole 10 minutes.
 */
export const transcriptActivities = proxyActivities<Pick<TicketActivities, 'renderTranscript'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
