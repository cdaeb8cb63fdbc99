import { SlashCommandSubcommandBuilder } from 'discord.js';
import { ROUTING_MODES } from '../../domain/routing.ts';
import { type CommandTextKey, localizedChoice, localizedCommandText } from '../../i18n/discord-localizations.ts';
import { withTicketOption } from './ticket-subcommands.ts';

/** A subcommand named and described in every language from the people catalogue. */
function subcommand(prefix: CommandTextKey): SlashCommandSubcommandBuilder {
  return localizedCommandText(new SlashCommandSubcommandBuilder(), prefix);
}

export const removeUserSubcommandData = withTicketOption(
  subcommand('people.command.remove-user').addUserOption((option) =>
    localizedCommandText(option, 'people.command.remove-user.member').setRequired(true),
  ),
);

export const addRoleSubcommandData = withTicketOption(
  subcommand('people.command.add-role').addRoleOption((option) =>
    localizedCommandText(option, 'people.command.add-role.role').setRequired(true),
  ),
);

export const awaySubcommandData = subcommand('people.command.away')
  .addStringOption((option) =>
    localizedCommandText(option, 'people.command.away.state')
      .setRequired(true)
      // The values themselves: the option's description says what each means in the member's language.
      .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
  )
  .addStringOption((option) => localizedCommandText(option, 'people.command.away.hours').setMaxLength(11))
  .addStringOption((option) => localizedCommandText(option, 'people.command.away.time-zone').setMaxLength(64));

export const routingConfigSubcommandData = subcommand('people.command.routing')
  .addStringOption((option) =>
    localizedCommandText(option, 'people.command.routing.type')
      .setRequired(true)
      .setMaxLength(32)
      .setAutocomplete(true),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'people.command.routing.mode')
      .setRequired(true)
      .addChoices(ROUTING_MODES.map((mode) => localizedChoice(`people.command.routing.mode.${mode}`, mode))),
  );
