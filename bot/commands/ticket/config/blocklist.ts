import {
  blocklistAddSubcommandData,
  blocklistRemoveSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

export const blocklistAddSubcommand: ConfigSubcommand = {
  data: blocklistAddSubcommandData,
  async answer(interaction, context, t) {
    const user = interaction.options.getUser('member', true);
    const member = `${user}`;
    if (user.bot) throw new UserFacingError(t('config.blocklist.bot'));
    await changeGuildConfig(interaction, context, t, (config) => {
      if (config.blockedUserIds.includes(user.id)) throw new UserFacingError(t('config.blocklist.already', { member }));
      return { ...config, blockedUserIds: [...config.blockedUserIds, user.id] };
    });
    return t('config.blocklist.added', { member });
  },
};

export const blocklistRemoveSubcommand: ConfigSubcommand = {
  data: blocklistRemoveSubcommandData,
  async answer(interaction, context, t) {
    const user = interaction.options.getUser('member', true);
    const member = `${user}`;
    await changeGuildConfig(interaction, context, t, (config) => {
      if (!config.blockedUserIds.includes(user.id)) {
        throw new UserFacingError(t('config.blocklist.notBlocked', { member }));
      }
      return { ...config, blockedUserIds: config.blockedUserIds.filter((id) => id !== user.id) };
    });
    return t('config.blocklist.removed', { member });
  },
};
