import { slaSubcommandData } from '../../../../discord/ticket-command/sla-config-subcommands.ts';
import type { GuildConfig, TicketType } from '../../../../domain/guild-config.ts';
import { targetInWords } from '../../../../i18n/sla-target-words.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { UserFacingError } from '../../../replies.ts';
import { optionId } from '../guild-targets.ts';
import { saveConfigChange } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/**
 * `/ticket-config sla [type] [first-response] [resolution] [escalation-role] [no-escalation-role]`: with a type,
 * its targets (0 turns one off) and escalation role; without, the server-wide escalation role. Tickets capture
 * their type's targets when they open.
 */
export const slaSubcommand: ConfigSubcommand = {
  data: slaSubcommandData,
  async answer(interaction, context, t) {
    const typeKey = interaction.options.getString('type');
    const firstResponse = interaction.options.getInteger('first-response');
    const resolution = interaction.options.getInteger('resolution');
    const roleId = optionId(interaction, 'escalation-role');
    const noRole = interaction.options.getBoolean('no-escalation-role') === true;
    // The role option wins over its removal when both are given.
    const escalation = roleId !== null ? { roleId } : noRole ? { roleId: null } : null;
    const targetOf = (minutes: number) => (minutes === 0 ? null : minutes);

    if (typeKey === null) {
      if (escalation === null) throw new UserFacingError(t('sla.slaNothingGiven'));
      const saved = await save(interaction, context, t, (config) => ({
        ...config,
        escalationRoleId: escalation.roleId,
      }));
      return t('sla.guildEscalationSaved', { escalation: roleInWords(t, saved.escalationRoleId, null) });
    }
    const saved = await save(interaction, context, t, (config) => {
      if (!config.ticketTypes.some((type) => type.key === typeKey)) {
        throw new UserFacingError(t('sla.unknownType', { type: typeKey }));
      }
      const changed = (type: TicketType): TicketType => ({
        ...type,
        ...(firstResponse === null ? {} : { firstResponseMinutes: targetOf(firstResponse) }),
        ...(resolution === null ? {} : { resolutionMinutes: targetOf(resolution) }),
        ...(escalation === null ? {} : { escalationRoleId: escalation.roleId }),
      });
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((type) => (type.key === typeKey ? changed(type) : type)),
      };
    });
    const type = saved.ticketTypes.find((candidate) => candidate.key === typeKey) as TicketType;
    return t('sla.slaSaved', {
      type: type.name,
      firstResponse: targetInWords(t, type.firstResponseMinutes),
      resolution: targetInWords(t, type.resolutionMinutes),
      escalation: roleInWords(t, type.escalationRoleId, saved.escalationRoleId),
    });
  },
};

function save(
  interaction: Parameters<ConfigSubcommand['answer']>[0],
  context: Parameters<ConfigSubcommand['answer']>[1],
  t: Translate,
  change: (config: GuildConfig) => GuildConfig,
): Promise<GuildConfig> {
  return saveConfigChange(interaction, context, t, (config) => {
    if (!config) throw new UserFacingError(t('sla.notSetUp'));
    return change(config);
  });
}

/** The role a missed target pings: the type's own, else the server's (named as such), else nobody. */
function roleInWords(t: Translate, ownRoleId: string | null, guildRoleId: string | null): string {
  if (ownRoleId) return `<@&${ownRoleId}>`;
  if (guildRoleId) return `${t('sla.escalationGuildDefault')} (<@&${guildRoleId}>)`;
  return t('sla.escalationNone');
}
