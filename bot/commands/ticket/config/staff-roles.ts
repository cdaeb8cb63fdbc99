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
  async answer(interaction, context, t) {
    const roleId = optionId(interaction, 'role', true);
    const role = `<@&${roleId}>`;
    await changeGuildConfig(interaction, context, t, (config) => {
      if (config.staffRoleIds.includes(roleId)) throw new UserFacingError(t('config.staffRole.already', { role }));
      return { ...config, staffRoleIds: [...config.staffRoleIds, roleId] };
    });
    return t('config.staffRole.added', { role });
  },
};

export const staffRoleRemoveSubcommand: ConfigSubcommand = {
  data: staffRoleRemoveSubcommandData,
  async answer(interaction, context, t) {
    // A role deleted from the server can still be on the list: only its id is needed to take it off.
    const roleId = optionId(interaction, 'role', true);
    const role = `<@&${roleId}>`;
    await changeGuildConfig(interaction, context, t, (config) => {
      if (!config.staffRoleIds.includes(roleId)) throw new UserFacingError(t('config.staffRole.notStaff', { role }));
      return { ...config, staffRoleIds: config.staffRoleIds.filter((id) => id !== roleId) };
    });
    return t('config.staffRole.removed', { role });
  },
};
