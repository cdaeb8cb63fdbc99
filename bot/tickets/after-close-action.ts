import type { UpdateDefinition } from '@temporalio/common';
import type { RepliableInteraction } from 'discord.js';
import type { Translate } from '../../i18n/translate.ts';
import { updateTicket } from '../../temporal/ticket-updates.ts';
import type { BotContext } from '../bot-context.ts';
import { answerInTime } from '../interactions/answer-in-time.ts';
import { answerFailure, deferEphemeral } from '../replies.ts';

/** What an action on a closed ticket asks: which ticket, the update with its argument, and the answer once taken. */
export interface AfterCloseRequest<Arg> {
  workflowId: string;
  update: UpdateDefinition<unknown, [Arg]>;
  arg: Arg;
  done: string;
}

/**
 * An action on a closed ticket (reopen, rating), which actOnTicket would answer from the closed row instead: it is
 * acknowledged at once, `prepare` checks it here for a quick answer (refusing with a UserFacingError) and says what
 * to ask, and the ticket's answer comes in time (meanwhile in `t`), its refusals worded by `refusal`. Failures are
 * answered, never thrown.
 */
export async function actOnClosedTicket<Arg>(
  interaction: RepliableInteraction,
  context: BotContext,
  t: Translate,
  prepare: () => Promise<AfterCloseRequest<Arg>>,
  refusal: (error: unknown) => unknown,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    const request = await prepare();
    await answerInTime(
      interaction,
      { pending: async () => t('replies.requestQueued'), unconfirmed: async () => t('replies.requestQueued') },
      async (_show, stillWanted) => {
        try {
          await updateTicket(context.temporal, request.workflowId, request.update, request.arg, {
            updateId: `bot-${interaction.id}`,
            stillWanted,
          });
        } catch (error) {
          throw refusal(error);
        }
        return request.done;
      },
    );
  } catch (error) {
    await answerFailure(interaction, error);
  }
}
