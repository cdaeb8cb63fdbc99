import { SlashCommandBuilder, type SlashCommandSubcommandsOnlyBuilder } from 'discord.js';
import type { TicketType } from '../../domain/guild-config.ts';
import { localizedCommandText } from '../../i18n/discord-localizations.ts';
import { closeRequestSubcommandData } from './close-request-subcommand.ts';
import { configSubcommandGroupData } from './config-subcommands.ts';
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
 * `/ticket` as one guild registers it, `open` offering that guild's types: the one definition the bot answers and
 * every writer of a guild's configuration registers (bot and web alike).
 */
export function ticketCommandData(
  types: readonly Pick<TicketType, 'key' | 'name'>[] = [],
): SlashCommandSubcommandsOnlyBuilder {
  return localizedCommandText(new SlashCommandBuilder(), 'commands.ticket')
    .addSubcommand(openSubcommandData(types))
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
    .addSubcommandGroup(configSubcommandGroupData)
    .addSubcommand(reopenSubcommandData);
}
