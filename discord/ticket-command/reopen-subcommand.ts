import { SlashCommandSubcommandBuilder } from 'discord.js';
import { localizedCommandText } from '../../i18n/discord-localizations.ts';

/** `/ticket reopen ticket:<number>`: in a closed ticket's thread the number may be left out. */
export const reopenSubcommandData = localizedCommandText(
  new SlashCommandSubcommandBuilder(),
  'reopen.command',
).addIntegerOption((option) => localizedCommandText(option, 'commands.option.ticket').setMinValue(1));
