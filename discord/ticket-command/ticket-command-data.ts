import { SlashCommandBuilder, type SlashCommandSubcommandsOnlyBuilder } from 'discord.js';
import { localizedCommandText } from '../../i18n/discord-localizations.ts';
import { closeRequestSubcommandData } from './close-request-subcommand.ts';
import {
  labelSubcommandGroupData,
  moveSubcommandData,
  prioritySubcommandData,
  renameSubcommandData,
} from './metadata-subcommands.ts';
import { addRoleSubcommandData, awaySubcommandData, removeUserSubcommandData } from './people-subcommands.ts';
import { reopenSubcommandData } from './reopen-subcommand.ts';
import {
  addUserSubcommandData,
  assignSubcommandData,
  closeSubcommandData,
  listSubcommandData,
  openSubcommandData,
  panelSubcommandData,
  pauseSubcommandData,
  resumeSubcommandData,
  timerOffSubcommandData,
  unassignSubcommandData,
} from './ticket-subcommands.ts';

/**
 * `/ticket`, the same for every guild (`open` offers the guild's types by autocomplete): the one definition the bot
 * answers and every writer of a guild's configuration registers (bot and web alike). The settings are
 * `/ticket-config`'s.
 */
export function ticketCommandData(): SlashCommandSubcommandsOnlyBuilder {
  return localizedCommandText(new SlashCommandBuilder(), 'commands.ticket')
    .addSubcommand(openSubcommandData)
    .addSubcommand(closeSubcommandData)
    .addSubcommand(closeRequestSubcommandData)
    .addSubcommand(listSubcommandData)
    .addSubcommand(assignSubcommandData)
    .addSubcommand(unassignSubcommandData)
    .addSubcommand(addUserSubcommandData)
    .addSubcommand(removeUserSubcommandData)
    .addSubcommand(addRoleSubcommandData)
    .addSubcommand(awaySubcommandData)
    .addSubcommand(pauseSubcommandData)
    .addSubcommand(resumeSubcommandData)
    .addSubcommand(timerOffSubcommandData)
    .addSubcommand(panelSubcommandData)
    .addSubcommand(prioritySubcommandData)
    .addSubcommandGroup(labelSubcommandGroupData)
    .addSubcommand(renameSubcommandData)
    .addSubcommand(moveSubcommandData)
    .addSubcommand(reopenSubcommandData);
}
