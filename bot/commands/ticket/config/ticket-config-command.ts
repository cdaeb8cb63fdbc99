import { PermissionFlagsBits, type SlashCommandSubcommandGroupBuilder } from 'discord.js';
import {
  blocklistGroupData,
  labelGroupData,
  questionGroupData,
  staffRoleGroupData,
  typeGroupData,
} from '../../../../discord/ticket-command/ticket-config-command-data.ts';
import type { BotContext } from '../../../bot-context.ts';
import type { TicketSubcommand } from '../../../interactions/handler-types.ts';
import { interactionWords } from '../../../interactions/interaction-words.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../../../replies.ts';
import { suggestTicketTypes } from '../ticket-type-suggestions.ts';
import { blocklistAddSubcommand, blocklistRemoveSubcommand } from './blocklist.ts';
import { categoriesSubcommand, typeModeSubcommand } from './channel-mode.ts';
import { historiesChannelSubcommand, remindersChannelSubcommand, ticketChannelSubcommand } from './channels.ts';
import { closingDmSubcommand, reopenWindowSubcommand } from './closing.ts';
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

/**
 * Every answer of `/ticket-config`: acknowledged privately at once, then only for members with Manage Server
 * (Discord shows the command to them only, but a server may grant it to others in its integration settings).
 */
async function answerConfig(
  interaction: Parameters<TicketSubcommand['execute']>[0],
  context: BotContext,
  subcommand: ConfigSubcommand | undefined,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    const t = interactionWords(
      interaction,
      (await context.guildConfigs.loadGuildConfig(interaction.guildId))?.language,
    );
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserFacingError(t('config.onlyManageServer'));
    }
    if (!subcommand) throw new UserFacingError(t('config.outOfDate'));
    const answer = await subcommand.answer(interaction, context, t);
    if (typeof answer === 'string') await replyEphemeral(interaction, answer);
    else await interaction.editReply(answer);
  } catch (error) {
    await answerFailure(interaction, error);
  }
}

/**
 * The only options of `/ticket-config` offered by autocomplete name one of the guild's types (sla, routing, open-limit,
 * question, type remove and mode); each answer still refuses a type the guild lacks.
 */
const autocomplete = suggestTicketTypes;

function single(subcommand: ConfigSubcommand): TicketSubcommand {
  return {
    data: subcommand.data,
    execute: (interaction, context) => answerConfig(interaction, context, subcommand),
    autocomplete,
  };
}

/** A group's subcommands, found by name; the definition is discord/ticket-command/ticket-config-command-data.ts's. */
function group(data: SlashCommandSubcommandGroupBuilder, subcommands: ConfigSubcommand[]): TicketSubcommand {
  const byName = new Map(subcommands.map((subcommand) => [subcommand.data.name, subcommand]));
  return {
    data,
    execute: (interaction, context) =>
      answerConfig(interaction, context, byName.get(interaction.options.getSubcommand(true))),
    autocomplete,
  };
}

/** `/ticket-config`'s first level, each entry routed by its name. */
export const ticketConfigEntries: TicketSubcommand[] = [
  single(showSubcommand),
  single(ticketChannelSubcommand),
  single(historiesChannelSubcommand),
  single(remindersChannelSubcommand),
  single(notificationRoleSubcommand),
  single(notificationsSubcommand),
  group(staffRoleGroupData, [staffRoleAddSubcommand, staffRoleRemoveSubcommand]),
  single(inactivitySubcommand),
  single(openLimitSubcommand),
  single(cooldownSubcommand),
  group(blocklistGroupData, [blocklistAddSubcommand, blocklistRemoveSubcommand]),
  group(typeGroupData, [typeAddSubcommand, typeRemoveSubcommand, typeModeSubcommand]),
  group(questionGroupData, [questionAddSubcommand, questionRemoveSubcommand]),
  single(supportHoursSubcommand),
  single(slaSubcommand),
  single(categoriesSubcommand),
  single(languageSubcommand),
  group(labelGroupData, [labelAddSubcommand, labelRemoveSubcommand]),
  single(routingSubcommand),
  single(reopenWindowSubcommand),
  single(closingDmSubcommand),
];
