import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import type { Translate } from '../../i18n/translate.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket/validators.ts';
import type { ModalHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { closeTicketAs } from '../tickets/actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

const REASON_INPUT = 'reason';

/** The close reason form, in the member's language (`t`). */
export function closeReasonModal(t: Translate, ticketNumber: number): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(customId(CUSTOM_ID_PREFIX.closeReason, String(ticketNumber)))
    .setTitle(t('replies.close.modalTitle', { number: ticketNumber }))
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder()
          .setCustomId(REASON_INPUT)
          .setLabel(t('replies.close.reasonLabel'))
          .setStyle(TextInputStyle.Paragraph)
          .setRequired(true)
          .setMaxLength(CLOSE_REASON_MAX),
      ),
    );
}

/** The submitted reason modal: closes the ticket with that reason. */
export const closeReasonModalHandler: ModalHandler = {
  prefix: CUSTOM_ID_PREFIX.closeReason,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    await closeTicketAs(interaction, ticket, interaction.fields.getTextInputValue(REASON_INPUT), context);
  },
};
