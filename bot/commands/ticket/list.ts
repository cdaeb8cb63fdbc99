import { listSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { answerFailure, deferEphemeral } from '../../replies.ts';
import { wordsFor } from '../../tickets/metadata-actions.ts';
import { listFilters } from './ticket-list-filters.ts';
import { ticketListPage } from './ticket-list-page.ts';

export const listSubcommand: TicketSubcommand = {
  data: listSubcommandData,
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      const t = wordsFor(interaction);
      const filters = listFilters(t, await context.guildConfigs.loadGuildConfig(interaction.guildId), {
        priority: interaction.options.getString('priority'),
        label: interaction.options.getString('label'),
      });
      await interaction.editReply(
        await ticketListPage(context, interaction.member, interaction.options.getInteger('page') ?? 1, filters, t),
      );
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
