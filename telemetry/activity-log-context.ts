import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { TICKET_LOG_CONTEXT_HEADER, type TicketLogContext } from '../workflows/log-context-interceptors.ts';

/**
 * Activity interceptors: the ticket log context its workflow sent in a header is added to every line the activity
 * logs (the SDK's "Activity failed" warnings included), beside the workflowId, activityType and attempt the SDK adds.
 */
export const ticketActivityLogContext: ActivityInterceptorsFactory = () => {
  let ticket: TicketLogContext = {};
  return {
    inbound: {
      execute: (input, next) => {
        const header = input.headers[TICKET_LOG_CONTEXT_HEADER];
        if (header) ticket = defaultPayloadConverter.fromPayload<TicketLogContext>(header);
        return next(input);
      },
    },
    outbound: { getLogAttributes: (attributes, next) => next({ ...attributes, ...ticket }) },
  };
};
