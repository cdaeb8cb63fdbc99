import type { ChatInputCommandInteraction } from 'discord.js';
import type { TicketRef } from '../../../store/find-ticket.ts';
import type { BotContext } from '../../bot-context.ts';
import { answerFailure, deferEphemeral } from '../../replies.ts';
import { resolveTicket } from '../../tickets/resolve-ticket.ts';

/**
 * Acknowledges first (the lookup and the workflow update may take longer than Discord's 3 seconds), finds the
 * ticket the command is about, and hands it to the action, which answers; failures are answered in plain words.
 */
export async function actOnTargetTicket(
  interaction: ChatInputCommandInteraction<'cached'>,
  context: BotContext,
  act: (ticket: TicketRef) => Promise<void>,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    await act(await resolveTicket(interaction, context, interaction.options.getInteger('ticket')));
  } catch (error) {
    await answerFailure(interaction, error);
  }
}
