import type { CloseRequestAnswer } from '../../domain/close-request.ts';
import { CUSTOM_ID_PREFIX, type CustomIdPrefix } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { answerFailure, deferEphemeral, StaleControlError } from '../replies.ts';
import { answerCloseRequestAs } from '../tickets/close-request-actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** `<ticket number>:<request id>`, as activities/discord/notices/close-request.ts writes it. */
function requestOf(id: string): { number: number; requestId: number } {
  const match = /^(\d{1,10}):(\d{1,10})$/.exec(id);
  if (!match) throw new StaleControlError('control');
  return { number: ticketNumberOf(match[1] ?? ''), requestId: Number(match[2]) };
}

function answerButton(prefix: CustomIdPrefix, answer: CloseRequestAnswer): ButtonHandler {
  return {
    prefix,
    async execute(interaction, id, context) {
      try {
        await deferEphemeral(interaction);
        const { number, requestId } = requestOf(id);
        const ticket = await resolveTicket(interaction, context, number);
        await answerCloseRequestAs(interaction, ticket, requestId, answer, context);
      } catch (error) {
        await answerFailure(interaction, error);
      }
    },
  };
}

/** Accept and Keep open under a close request; who may press each is checked by the action and the ticket. */
export const acceptCloseRequestButton = answerButton(CUSTOM_ID_PREFIX.closeRequestAccept, 'accept');
export const keepOpenCloseRequestButton = answerButton(CUSTOM_ID_PREFIX.closeRequestKeepOpen, 'keep_open');
