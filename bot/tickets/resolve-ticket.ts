import type { Interaction } from 'discord.js';
import type { Translate } from '../../i18n/translate.ts';
import { findTicketByNumber, findTicketByThread, type TicketRef } from '../../store/find-ticket.ts';
import { addLogContext } from '../../telemetry/log-context.ts';
import type { BotContext } from '../bot-context.ts';
import { memberWords } from '../interactions/interaction-words.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { UserFacingError } from '../replies.ts';

/**
 * The ticket an action is about, as its row has it now: the numbered one of this guild when a number is given, else
 * the ticket whose thread the interaction comes from. Read under READ_WITHIN_MS, so a stalled Postgres is answered.
 * The rest of the interaction logs with its number and workflow id.
 */
export async function resolveTicket(
  interaction: Interaction<'cached'>,
  context: BotContext,
  number: number | null,
): Promise<TicketRef> {
  const ticket = await findTicketOf(interaction, context, number);
  addLogContext({ ticketNumber: ticket.number, workflowId: ticket.workflowId });
  return ticket;
}

async function findTicketOf(
  interaction: Interaction<'cached'>,
  context: BotContext,
  number: number | null,
): Promise<TicketRef> {
  if (number !== null) {
    const ticket = Number.isSafeInteger(number)
      ? await readInTime(findTicketByNumber(context.prisma, interaction.guildId, number))
      : null;
    if (!ticket) throw await notFound(interaction, context, (t) => t('replies.ticket.notFound', { number }));
    return ticket;
  }
  const ticket = interaction.channelId
    ? await readInTime(findTicketByThread(context.prisma, interaction.guildId, interaction.channelId))
    : null;
  if (!ticket) throw await notFound(interaction, context, (t) => t('replies.ticket.whichOne'));
  return ticket;
}

/** The refusal when no ticket is found, in the member's words (read only then: finding one needs no words). */
async function notFound(
  interaction: Interaction<'cached'>,
  context: BotContext,
  words: (t: Translate) => string,
): Promise<UserFacingError> {
  return new UserFacingError(words(await memberWords(interaction, context, interaction.guildId)));
}
