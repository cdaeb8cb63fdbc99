import { PermissionFlagsBits } from 'discord.js';
import { configSubcommandGroupData } from '../../../../discord/ticket-command/config-subcommands.ts';
import type { TicketSubcommand } from '../../../interactions/handler-types.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../../../replies.ts';
import { blocklistAddSubcommand, blocklistRemoveSubcommand } from './blocklist.ts';
import { categoriesSubcommand, typeModeSubcommand } from './channel-mode.ts';
import { historiesChannelSubcommand, remindersChannelSubcommand, ticketChannelSubcommand } from './channels.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';
import { labelAddSubcommand, labelRemoveSubcommand } from './labels.ts';
import { languageSubcommand } from './language.ts';
import { cooldownSubcommand, inactivitySubcommand, openLimitSubcommand } from './limits.ts';
import { notificationRoleSubcommand, notificationsSubcommand } from './notifications.ts';
import { questionAddSubcommand, questionRemoveSubcommand } from './questions.ts';
import { routingSubcommand } from './routing.ts';
import { showSubcommand } from './show.ts';
import { slaSubcommand } from './sla.ts';
import { staffRoleAddSubcommand, staffRoleRemoveSubcommand } from './staff-roles.ts';
import { supportHoursSubcommand } from './support-hours.ts';
import { typeAddSubcommand, typeRemoveSubcommand } from './ticket-types.ts';

const CONFIG_SUBCOMMANDS: ConfigSubcommand[] = [
  showSubcommand,
  ticketChannelSubcommand,
  historiesChannelSubcommand,
  remindersChannelSubcommand,
  notificationRoleSubcommand,
  notificationsSubcommand,
  staffRoleAddSubcommand,
  staffRoleRemoveSubcommand,
  inactivitySubcommand,
  openLimitSubcommand,
  cooldownSubcommand,
  blocklistAddSubcommand,
  blocklistRemoveSubcommand,
  typeAddSubcommand,
  typeRemoveSubcommand,
  questionAddSubcommand,
  questionRemoveSubcommand,
  supportHoursSubcommand,
  slaSubcommand,
  categoriesSubcommand,
  typeModeSubcommand,
  languageSubcommand,
  labelAddSubcommand,
  labelRemoveSubcommand,
  routingSubcommand,
];

const byName = new Map(CONFIG_SUBCOMMANDS.map((subcommand) => [subcommand.data.name, subcommand]));

/**
 * `/ticket config ...`: the guild's ticket settings, for members with Manage Server only (a subcommand
 * cannot carry its own default permissions, so the check is here, on every use). Each subcommand's definition is
 * discord/ticket-command/config-subcommands.ts's, found here by name.
 */
export const configSubcommandGroup: TicketSubcommand = {
  data: configSubcommandGroupData,
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
        throw new UserFacingError('Only members with the Manage Server permission can change ticket settings.');
      }
      const subcommand = byName.get(interaction.options.getSubcommand(true));
      if (!subcommand) throw new UserFacingError('This command is out of date; try again in a minute.');
      const answer = await subcommand.answer(interaction, context);
      if (typeof answer === 'string') await replyEphemeral(interaction, answer);
      else await interaction.editReply(answer);
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
