import { listSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { answerFailure, deferEphemeral } from '../../replies.ts';
import { ticketListPage } from './ticket-list-page.ts';

export const listSubcommand: TicketSubcommand = {
  data: listSubcommandData,
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      await interaction.editReply(
        await ticketListPage(context, interaction.member, interaction.options.getInteger('page') ?? 1),
      );
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
