import {
  blocklistAddSubcommandData,
  blocklistRemoveSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

export const blocklistAddSubcommand: ConfigSubcommand = {
  data: blocklistAddSubcommandData,
  async answer(interaction, context) {
    const user = interaction.options.getUser('member', true);
    if (user.bot) throw new UserFacingError('Bots cannot open tickets anyway; there is no need to block them.');
    await changeGuildConfig(interaction, context, (config) => {
      if (config.blockedUserIds.includes(user.id)) throw new UserFacingError(`${user} is already blocked.`);
      return { ...config, blockedUserIds: [...config.blockedUserIds, user.id] };
    });
    return `${user} can no longer open tickets. Their open tickets stay open.`;
  },
};

export const blocklistRemoveSubcommand: ConfigSubcommand = {
  data: blocklistRemoveSubcommandData,
  async answer(interaction, context) {
    const user = interaction.options.getUser('member', true);
    await changeGuildConfig(interaction, context, (config) => {
      if (!config.blockedUserIds.includes(user.id)) throw new UserFacingError(`${user} is not blocked.`);
      return { ...config, blockedUserIds: config.blockedUserIds.filter((id) => id !== user.id) };
    });
    return `${user} can open tickets again.`;
  },
};
