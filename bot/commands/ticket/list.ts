import { listSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { interactionWords } from '../../interactions/interaction-words.ts';
import { answerFailure, deferEphemeral } from '../../replies.ts';
import { listFilters } from './ticket-list-filters.ts';
import { ticketListPage } from './ticket-list-page.ts';

export const listSubcommand: TicketSubcommand = {
  data: listSubcommandData,
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
      const filters = listFilters(interactionWords(interaction, config?.language), config, {
        priority: interaction.options.getString('priority'),
        label: interaction.options.getString('label'),
      });
      await interaction.editReply(
        await ticketListPage(
          context,
          interaction.member,
          interaction.options.getInteger('page') ?? 1,
          filters,
          interaction,
        ),
      );
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
