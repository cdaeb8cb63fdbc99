import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ModalHandler } from '../interactions/handler-types.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { deferEphemeral, UserFacingError } from '../replies.ts';
import { answersFrom, openTicketAs, ticketTypeOf } from '../tickets/open-ticket-flow.ts';

/**
 * The submitted questions of a ticket type: id = `<type key>:<request id>`, the request id being the
 * interaction that began the open, so a resubmitted modal reaches the same workflow.
 */
export const questionsModal: ModalHandler = {
  prefix: CUSTOM_ID_PREFIX.questions,
  async execute(interaction, id, context) {
    const [typeKey, requestId] = id.split(':');
    await deferEphemeral(interaction);
    const config = await readInTime(context.guildConfigs.loadGuildConfig(interaction.guildId));
    const t = interactionWords(interaction, config?.language);
    if (!typeKey || !requestId) throw new UserFacingError(t('replies.formOutOfDate'));
    const type = ticketTypeOf(t, config, typeKey);
    await openTicketAs(interaction, type.key, answersFrom(t, interaction, type), requestId, context, t);
  },
};
