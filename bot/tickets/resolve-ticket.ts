import type { Interaction } from 'discord.js';
import type { BotContext } from '../bot-context.ts';
import { UserFacingError } from '../replies.ts';
import { findTicketByNumber, findTicketByThread, type TicketRef } from './find-ticket.ts';

/**
 * The ticket an action is about: the numbered one of this guild when a number is given, else the ticket
 * whose thread the interaction comes from.
 */
export async function resolveTicket(
  interaction: Interaction<'cached'>,
  context: BotContext,
  number: number | null,
): Promise<TicketRef> {
  if (number !== null) {
    const ticket = Number.isSafeInteger(number)
      ? await findTicketByNumber(context.prisma, interaction.guildId, number)
      : null;
    if (!ticket) throw new UserFacingError(`There is no ticket #${number} in this server.`);
    return ticket;
  }
  const ticket = interaction.channelId
    ? await findTicketByThread(context.prisma, interaction.guildId, interaction.channelId)
    : null;
  if (!ticket) throw new UserFacingError('Use this in a ticket thread, or give the ticket number.');
  return ticket;
}
