import {
  closingDmSubcommandData,
  reopenWindowSubcommandData,
} from '../../../../discord/ticket-command/closing-config-subcommands.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/**
 * `/ticket-config reopen-window days:`: open tickets take the new window when they are told of the change, and
 * each ticket fixes its window when it closes; 0 also stops the bot from reopening tickets already closed.
 */
export const reopenWindowSubcommand: ConfigSubcommand = {
  data: reopenWindowSubcommandData,
  async answer(interaction, context, t) {
    const days = interaction.options.getInteger('days', true);
    const saved = await changeGuildConfig(interaction, context, t, (config) => ({ ...config, reopenWindowDays: days }));
    return t('config.reopenWindow.saved', { days: saved.reopenWindowDays });
  },
};

/** `/ticket-config closing-dm state:`: off, the creator's DM after a close only asks for their rating. */
export const closingDmSubcommand: ConfigSubcommand = {
  data: closingDmSubcommandData,
  async answer(interaction, context, t) {
    const enabled = interaction.options.getString('state', true) === 'on';
    const saved = await changeGuildConfig(interaction, context, t, (config) => ({
      ...config,
      closingDmEnabled: enabled,
    }));
    return t(saved.closingDmEnabled ? 'config.closingDm.on' : 'config.closingDm.off');
  },
};
