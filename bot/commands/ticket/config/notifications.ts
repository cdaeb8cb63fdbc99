import { PermissionFlagsBits } from 'discord.js';
import {
  notificationRoleSubcommandData,
  notificationsSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import { guildRole } from '../../../gateway-guild-directory.ts';
import { UserFacingError } from '../../../replies.ts';
import { botMember, optionId } from '../guild-targets.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

export const notificationRoleSubcommand: ConfigSubcommand = {
  data: notificationRoleSubcommandData,
  async answer(interaction, context, t) {
    const roleId = optionId(interaction, 'role');
    // Discord only delivers a ping of a role that is not mentionable from a member allowed to mention everyone.
    // A role this server does not have, or @everyone, is left to the store, which refuses to save it.
    const role = roleId && roleId !== interaction.guildId ? await guildRole(interaction.guild, roleId) : null;
    if (
      role &&
      !role.mentionable &&
      !(await botMember(interaction)).permissions.has(PermissionFlagsBits.MentionEveryone)
    ) {
      throw new UserFacingError(t('config.notificationRole.notMentionable', { role: `${role}` }));
    }
    const saved = await changeGuildConfig(interaction, context, t, (config) => ({
      ...config,
      notificationRoleId: roleId,
      notificationsEnabled: roleId ? config.notificationsEnabled || config.notificationRoleId === null : false,
    }));
    if (!roleId) return t('config.notificationRole.cleared');
    const mention = `<@&${roleId}>`;
    return saved.notificationsEnabled
      ? t('config.notificationRole.pinged', { role: mention })
      : t('config.notificationRole.waiting', { role: mention });
  },
};

export const notificationsSubcommand: ConfigSubcommand = {
  data: notificationsSubcommandData,
  async answer(interaction, context, t) {
    const enabled = interaction.options.getString('state', true) === 'on';
    const saved = await changeGuildConfig(interaction, context, t, (config) => {
      if (enabled && config.notificationRoleId === null) {
        throw new UserFacingError(t('config.notifications.chooseRoleFirst'));
      }
      return { ...config, notificationsEnabled: enabled };
    });
    return enabled
      ? t('config.notificationRole.pinged', { role: `<@&${saved.notificationRoleId}>` })
      : t('config.notifications.off');
  },
};
