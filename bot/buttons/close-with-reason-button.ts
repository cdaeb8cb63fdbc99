import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import { findTicketByNumber } from '../../store/find-ticket.ts';
import { withDeadline } from '../../telemetry/deadline.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { memberWords } from '../interactions/interaction-words.ts';
import { BEFORE_MODAL_READ_WITHIN_MS } from '../interactions/read-in-time.ts';
import { closeReasonModal } from '../modals/close-reason-modal.ts';
import { replyEphemeral } from '../replies.ts';
import { closeFactsOf } from '../tickets/answer-from-record.ts';
import { closedTicketAnswer } from '../tickets/closure-words.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/**
 * Close with reason on the close question: asks the reason in a modal, unless the ticket has closed meanwhile. The
 * modal must be the first answer, so the row and the guild's language are read under a short deadline; when Postgres
 * is slow the form is shown all the same (in the member's client language or English), and its submit is answered
 * from the row.
 */
export const closeWithReasonButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.closeWithReason,
  async execute(interaction, id, context) {
    const number = ticketNumberOf(id);
    const [ticket, t] = await Promise.all([
      withDeadline(findTicketByNumber(context.prisma, interaction.guildId, number), BEFORE_MODAL_READ_WITHIN_MS).catch(
        () => null,
      ),
      memberWords(interaction, context, interaction.guildId, BEFORE_MODAL_READ_WITHIN_MS),
    ]);
    if (ticket?.status === 'closed') {
      await replyEphemeral(interaction, closedTicketAnswer(t, ticket.number, closeFactsOf(ticket), 'close'));
      return;
    }
    await interaction.showModal(closeReasonModal(t, number));
  },
};
