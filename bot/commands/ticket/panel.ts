import { DiscordAPIError } from 'discord.js';
import { panelSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { interactionWords } from '../../interactions/interaction-words.ts';
import { ticketPanelMessage } from '../../panel/ticket-panel-message.ts';
import { isStaff } from '../../permissions.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../../replies.ts';
import { textChannelOption } from './guild-targets.ts';

const FORBIDDEN = 403;

export const panelSubcommand: TicketSubcommand = {
  data: panelSubcommandData,
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      const channel = textChannelOption(interaction, 'channel', true);
      const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
      const t = interactionWords(interaction, config?.language);
      if (!isStaff(interaction.member, config)) throw new UserFacingError('Only staff can post the ticket panel.');
      if (!config) throw new UserFacingError(t('config.notSetUp'));
      // Discord is the judge of whether the bot may post there: a precheck could disagree with it.
      const message = await channel.send(ticketPanelMessage(config)).catch((error: unknown) => {
        if (error instanceof DiscordAPIError && error.status === FORBIDDEN) {
          throw new UserFacingError(
            `I cannot post in ${channel}: give me View Channel and Send Messages there, then try again.`,
          );
        }
        throw error;
      });
      await replyEphemeral(interaction, `Posted the ticket panel in ${channel}: ${message.url}`);
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
