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
  async answer(interaction, context) {
    const roleId = optionId(interaction, 'role');
    // Discord only delivers a ping of a role that is not mentionable from a member allowed to mention everyone.
    // A role this server does not have, or @everyone, is left to the store, which refuses to save it.
    const role = roleId && roleId !== interaction.guildId ? await guildRole(interaction.guild, roleId) : null;
    if (
      role &&
      !role.mentionable &&
      !(await botMember(interaction)).permissions.has(PermissionFlagsBits.MentionEveryone)
    ) {
      throw new UserFacingError(
        `${role} is not mentionable, so my ping would not reach anyone: make it mentionable in the role settings first.`,
      );
    }
    const saved = await changeGuildConfig(interaction, context, (config) => ({
      ...config,
      notificationRoleId: roleId,
      notificationsEnabled: roleId ? config.notificationsEnabled || config.notificationRoleId === null : false,
    }));
    if (!roleId) return 'No role is pinged when a ticket opens any more.';
    return saved.notificationsEnabled
      ? `<@&${roleId}> is pinged when a ticket opens.`
      : `<@&${roleId}> will be pinged when a ticket opens once you turn it on with \`/ticket-config notifications on\`.`;
  },
};

export const notificationsSubcommand: ConfigSubcommand = {
  data: notificationsSubcommandData,
  async answer(interaction, context) {
    const enabled = interaction.options.getString('state', true) === 'on';
    const saved = await changeGuildConfig(interaction, context, (config) => {
      if (enabled && config.notificationRoleId === null) {
        throw new UserFacingError('Choose the role to ping first, with `/ticket-config notification-role`.');
      }
      return { ...config, notificationsEnabled: enabled };
    });
    return enabled
      ? `<@&${saved.notificationRoleId}> is pinged when a ticket opens.`
      : 'Nobody is pinged when a ticket opens.';
  },
};
