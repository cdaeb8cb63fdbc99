import { proxyActivities } from '@temporalio/workflow';
import type { TicketActivities } from '../../domain/ticket.ts';

/**
 * For tickets begun before problems were tracked: retries back off to a minute and never give up, so a fault
 * stays invisible inside the activity's retries. Kept as they were, so those tickets replay unchanged.
 */
export const unboundedActivities = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Rendering a transcript reads the whole conversation and copies attachments: it gets longer. It heartbeats,
 * so an attempt whose worker died is retried within a minute rather than after the whole 10 minutes.
 */
export const unboundedTranscriptActivities = proxyActivities<Pick<TicketActivities, 'renderTranscript'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Discord and Postgres calls are short. A transient fault is retried inside the activity for about half a
 * minute; one that lasts longer comes back to the workflow, which shows it as the ticket's problem (a search
 * attribute and its details) and keeps retrying on its own durable timer, so nothing is lost and nothing hides.
 * Faults no retry can fix (a deleted thread, a missing permission) are non-retryable and come back at once.
 */
export const boundedActivities = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '16 seconds', maximumAttempts: 5 },
});

export const boundedTranscriptActivities = proxyActivities<Pick<TicketActivities, 'renderTranscript'>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 4 },
});
