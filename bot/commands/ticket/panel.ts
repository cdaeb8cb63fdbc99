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
      const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
      const t = interactionWords(interaction, config?.language);
      const channel = textChannelOption(interaction, t, 'channel', true);
      if (!isStaff(interaction.member, config)) throw new UserFacingError(t('replies.panel.onlyStaff'));
      if (!config) throw new UserFacingError(t('config.notSetUp'));
      // Discord is the judge of whether the bot may post there: a precheck could disagree with it.
      const message = await channel.send(ticketPanelMessage(config)).catch((error: unknown) => {
        if (error instanceof DiscordAPIError && error.status === FORBIDDEN) {
          throw new UserFacingError(
            t('replies.panel.cannotPost', {
              channel: `${channel}`,
              viewChannel: t('diagnostics.permission.viewChannel'),
              sendMessages: t('diagnostics.permission.sendMessages'),
            }),
          );
        }
        throw error;
      });
      await replyEphemeral(interaction, t('replies.panel.posted', { channel: `${channel}`, url: message.url }));
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
