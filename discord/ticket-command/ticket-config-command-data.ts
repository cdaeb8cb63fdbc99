import {
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandSubcommandBuilder,
  SlashCommandSubcommandGroupBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import { type CommandTextKey, localizedCommandText } from '../../i18n/discord-localizations.ts';
import { categoriesSubcommandData, typeModeSubcommandData } from './channel-mode-config-subcommands.ts';
import { closingDmSubcommandData, reopenWindowSubcommandData } from './closing-config-subcommands.ts';
import {
  blocklistAddSubcommandData,
  blocklistRemoveSubcommandData,
  cooldownSubcommandData,
  historiesChannelSubcommandData,
  inactivitySubcommandData,
  languageSubcommandData,
  notificationRoleSubcommandData,
  notificationsSubcommandData,
  openLimitSubcommandData,
  questionAddSubcommandData,
  questionRemoveSubcommandData,
  remindersChannelSubcommandData,
  showSubcommandData,
  staffRoleAddSubcommandData,
  staffRoleRemoveSubcommandData,
  ticketChannelSubcommandData,
  typeAddSubcommandData,
  typeRemoveSubcommandData,
} from './config-subcommands.ts';
import { labelAddConfigSubcommandData, labelRemoveConfigSubcommandData } from './metadata-subcommands.ts';
import { routingConfigSubcommandData } from './people-subcommands.ts';
import { slaSubcommandData, supportHoursSubcommandData } from './sla-config-subcommands.ts';

function group(
  prefix: CommandTextKey,
  subcommands: readonly SlashCommandSubcommandBuilder[],
): SlashCommandSubcommandGroupBuilder {
  return subcommands.reduce(
    (built, subcommand) => built.addSubcommand(subcommand),
    localizedCommandText(new SlashCommandSubcommandGroupBuilder(), prefix),
  );
}

/** The add/remove pairs (and a type's mode), each a group: Discord allows 25 entries at each level. */
export const staffRoleGroupData = group('commands.config.staff-role', [
  staffRoleAddSubcommandData,
  staffRoleRemoveSubcommandData,
]);
export const blocklistGroupData = group('commands.config.blocklist', [
  blocklistAddSubcommandData,
  blocklistRemoveSubcommandData,
]);
export const typeGroupData = group('commands.config.type', [
  typeAddSubcommandData,
  typeRemoveSubcommandData,
  typeModeSubcommandData,
]);
export const questionGroupData = group('commands.config.question', [
  questionAddSubcommandData,
  questionRemoveSubcommandData,
]);
export const labelGroupData = group('ticket-metadata.command.label-config', [
  labelAddConfigSubcommandData,
  labelRemoveConfigSubcommandData,
]);

/** What `/ticket-config` holds at its first level, in the order Discord lists it. */
export const TICKET_CONFIG_ENTRIES_DATA: readonly (
  | SlashCommandSubcommandBuilder
  | SlashCommandSubcommandGroupBuilder
)[] = [
  showSubcommandData,
  ticketChannelSubcommandData,
  historiesChannelSubcommandData,
  remindersChannelSubcommandData,
  notificationRoleSubcommandData,
  notificationsSubcommandData,
  staffRoleGroupData,
  inactivitySubcommandData,
  openLimitSubcommandData,
  cooldownSubcommandData,
  blocklistGroupData,
  typeGroupData,
  questionGroupData,
  supportHoursSubcommandData,
  slaSubcommandData,
  categoriesSubcommandData,
  languageSubcommandData,
  labelGroupData,
  routingConfigSubcommandData,
  reopenWindowSubcommandData,
  closingDmSubcommandData,
];

/**
 * `/ticket-config`: the guild's ticket settings, a command of its own so `/ticket` keeps room under Discord's
 * size limit. Shown to members with Manage Server only; a server may grant it to others in its integration
 * settings, so the bot checks Manage Server on every use as well.
 */
export function ticketConfigCommandData(): SlashCommandSubcommandsOnlyBuilder {
  const command = localizedCommandText(new SlashCommandBuilder(), 'commands.config').setDefaultMemberPermissions(
    PermissionFlagsBits.ManageGuild,
  );
  for (const entry of TICKET_CONFIG_ENTRIES_DATA) {
    if (entry instanceof SlashCommandSubcommandGroupBuilder) command.addSubcommandGroup(entry);
    else command.addSubcommand(entry);
  }
  return command;
}
