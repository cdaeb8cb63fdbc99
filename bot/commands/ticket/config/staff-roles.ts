import {
  staffRoleAddSubcommandData,
  staffRoleRemoveSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import { UserFacingError } from '../../../replies.ts';
import { optionId } from '../guild-targets.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

export const staffRoleAddSubcommand: ConfigSubcommand = {
  data: staffRoleAddSubcommandData,
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
  data: staffRoleRemoveSubcommandData,
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
