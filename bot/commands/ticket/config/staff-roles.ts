import { SlashCommandSubcommandBuilder } from 'discord.js';
import { UserFacingError } from '../../../replies.ts';
import { optionId } from '../guild-targets.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

function roleSubcommand(name: string, description: string) {
  return new SlashCommandSubcommandBuilder()
    .setName(name)
    .setDescription(description)
    .addRoleOption((option) => option.setName('role').setDescription('A role of this server').setRequired(true));
}

export const staffRoleAddSubcommand: ConfigSubcommand = {
  data: roleSubcommand('staff-role-add', 'Make a role staff: its members see and handle every ticket'),
  async answer(interaction, context) {
    const roleId = optionId(interaction, 'role', true);
    await changeGuildConfig(interaction, context, (config) => {
      if (config.staffRoleIds.includes(roleId)) throw new UserFacingError(`<@&${roleId}> is already a staff role.`);
      return { ...config, staffRoleIds: [...config.staffRoleIds, roleId] };
    });
    return `<@&${roleId}> is now a staff role.`;
  },
};

export const staffRoleRemoveSubcommand: ConfigSubcommand = {
  data: roleSubcommand('staff-role-remove', 'Stop treating a role as staff'),
  async answer(interaction, context) {
    // A role deleted from the server can still be on the list: only its id is needed to take it off.
    const roleId = optionId(interaction, 'role', true);
    await changeGuildConfig(interaction, context, (config) => {
      if (!config.staffRoleIds.includes(roleId)) throw new UserFacingError(`<@&${roleId}> is not a staff role.`);
      return { ...config, staffRoleIds: config.staffRoleIds.filter((id) => id !== roleId) };
    });
    return `<@&${roleId}> is no longer a staff role. Members with Manage Server stay staff.`;
  },
};
