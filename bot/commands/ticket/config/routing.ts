import { routingConfigSubcommandData } from '../../../../discord/ticket-command/people-subcommands.ts';
import type { TicketType } from '../../../../domain/guild-config.ts';
import { routingModeSchema } from '../../../../domain/routing.ts';
import { UserFacingError } from '../../../replies.ts';
import { saveConfigChange } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** `/ticket-config routing type mode`: how the type's new tickets are assigned; tickets take it when they open. */
export const routingSubcommand: ConfigSubcommand = {
  data: routingConfigSubcommandData,
  async answer(interaction, context, t) {
    const typeKey = interaction.options.getString('type', true);
    const mode = routingModeSchema.parse(interaction.options.getString('mode', true));
    const saved = await saveConfigChange(interaction, context, t, (config) => {
      if (!config) throw new UserFacingError(t('people.notSetUp'));
      if (!config.ticketTypes.some((type) => type.key === typeKey)) {
        throw new UserFacingError(t('people.unknownType', { type: typeKey }));
      }
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((type) => (type.key === typeKey ? { ...type, routing: mode } : type)),
      };
    });
    const type = saved.ticketTypes.find((candidate) => candidate.key === typeKey) as TicketType;
    return t('people.routingSet', { type: type.name, mode: type.routing });
  },
};
