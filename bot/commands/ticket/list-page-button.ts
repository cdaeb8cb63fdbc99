import { CUSTOM_ID_PREFIX } from '../../../domain/custom-ids.ts';
import type { ButtonHandler } from '../../interactions/handler-types.ts';
import { answerFailure } from '../../replies.ts';
import { parseListPageId } from './ticket-list-filters.ts';
import { ticketListPage } from './ticket-list-page.ts';

/**
 * Previous/Next under a `/ticket list` answer: the list message itself shows the other page. Who may see
 * what is decided again for the member who pressed, never carried in the custom id.
 */
export const listPageButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.ticketListPage,
  async execute(interaction, id, context) {
    try {
      await interaction.deferUpdate();
      const { page, filters } = parseListPageId(id);
      await interaction.editReply(await ticketListPage(context, interaction.member, page, filters, interaction));
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
