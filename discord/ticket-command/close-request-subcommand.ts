import { SlashCommandSubcommandBuilder } from 'discord.js';
import { CLOSE_REQUEST_AFTER_HOURS } from '../../domain/close-request.ts';
import { discordLocalizations, localizedCommandText } from '../../i18n/discord-localizations.ts';
import { DEFAULT_LOCALE } from '../../i18n/locales.ts';
import { translate } from '../../i18n/translate.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket/validators.ts';
import { withTicketOption } from './ticket-subcommands.ts';

/** A choice of `after:` in every language Discord shows it in: "6 hours", "6 Stunden", … */
function afterChoice(hours: number) {
  const key = 'close-request.afterChoice';
  return {
    name: translate(DEFAULT_LOCALE, key, { hours }),
    name_localizations: discordLocalizations(key, { hours }),
    value: hours,
  };
}

/**
 * `/ticket close-request [reason] [after] [ticket]`: staff ask the member to confirm the close. `after` is in hours,
 * from a fixed list (Discord refuses any other value); without it the ticket closes after 24 hours without an answer.
 */
export const closeRequestSubcommandData = withTicketOption(
  localizedCommandText(new SlashCommandSubcommandBuilder(), 'close-request.command')
    .addStringOption((option) =>
      localizedCommandText(option, 'close-request.command.reason').setMaxLength(CLOSE_REASON_MAX),
    )
    .addIntegerOption((option) =>
      localizedCommandText(option, 'close-request.command.after').addChoices(
        CLOSE_REQUEST_AFTER_HOURS.map(afterChoice),
      ),
    ),
);
