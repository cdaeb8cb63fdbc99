import { ChannelType, SlashCommandSubcommandBuilder } from 'discord.js';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';
import { type CommandTextKey, localizedCommandText } from '../../i18n/discord-localizations.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket/validators.ts';
import { priorityChoices } from './priority-choices.ts';

/** Tickets per page of `/ticket list`. */
export const TICKET_LIST_PAGE_SIZE = 10;

/** A subcommand named and described in every language from `<prefix>.name` and `<prefix>.description`. */
function subcommand(prefix: CommandTextKey): SlashCommandSubcommandBuilder {
  return localizedCommandText(new SlashCommandSubcommandBuilder(), prefix);
}

/** The optional `ticket` number of the ticket actions: without it, the action is about the thread it is run in. */
export function withTicketOption(subcommand: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return subcommand.addIntegerOption((option) => localizedCommandText(option, 'commands.option.ticket').setMinValue(1));
}

/**
 * `/ticket open type:`, the guild's types offered by autocomplete as the member types (the bot answers from the
 * guild's configuration), so the command's size does not grow with the types and needs no re-registration when
 * they change. The bot checks the value sent, which may be any text the member typed.
 */
export const openSubcommandData = subcommand('commands.open').addStringOption((option) =>
  localizedCommandText(option, 'commands.open.type')
    .setRequired(true)
    .setMaxLength(GUILD_CONFIG_LIMITS.ticketTypeKeyLength)
    .setAutocomplete(true),
);

export const closeSubcommandData = withTicketOption(
  subcommand('commands.close').addStringOption((option) =>
    localizedCommandText(option, 'commands.close.reason').setMaxLength(CLOSE_REASON_MAX),
  ),
);

export const listSubcommandData = subcommand('commands.list')
  .addIntegerOption((option) =>
    localizedCommandText(option, 'commands.list.page', { count: TICKET_LIST_PAGE_SIZE }).setMinValue(1),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.list.priority').addChoices(priorityChoices),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'ticket-metadata.command.list.label').setMaxLength(
      GUILD_CONFIG_LIMITS.labelNameLength,
    ),
  );

export const assignSubcommandData = withTicketOption(
  subcommand('commands.assign').addUserOption((option) =>
    localizedCommandText(option, 'commands.assign.member').setRequired(true),
  ),
);

export const unassignSubcommandData = withTicketOption(subcommand('commands.unassign'));

export const addUserSubcommandData = withTicketOption(
  subcommand('commands.add-user').addUserOption((option) =>
    localizedCommandText(option, 'commands.add-user.member').setRequired(true),
  ),
);

/** `/ticket pause`, `resume` and `timer-off`: the same action on the ticket's inactivity timer. */
export const pauseSubcommandData = withTicketOption(subcommand('commands.pause'));
export const resumeSubcommandData = withTicketOption(subcommand('commands.resume'));
export const timerOffSubcommandData = withTicketOption(subcommand('commands.timer-off'));

export const panelSubcommandData = subcommand('commands.panel').addChannelOption((option) =>
  localizedCommandText(option, 'commands.panel.channel').addChannelTypes(ChannelType.GuildText).setRequired(true),
);
