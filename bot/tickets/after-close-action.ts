import type { UpdateDefinition } from '@temporalio/common';
import type { RepliableInteraction } from 'discord.js';
import type { GuildConfig } from '../../domain/guild-config.ts';
import type { Translate } from '../../i18n/translate.ts';
import { updateTicket } from '../../temporal/ticket-updates.ts';
import type { BotContext } from '../bot-context.ts';
import { answerInTime } from '../interactions/answer-in-time.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { readInTime } from '../interactions/read-in-time.ts';
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
 * acknowledged at once, the guild's configuration read (the ticket's guild: a rating may come from a direct
 * message), `prepare` checks it here for a quick answer in the member's words (refusing with a UserFacingError) and
 * says what to ask, and the ticket's answer comes in time, its refusals worded by `refusal`. Failures are answered,
 * never thrown.
 */
export async function actOnClosedTicket<Arg>(
  interaction: RepliableInteraction,
  context: BotContext,
  guildId: string,
  prepare: (t: Translate, config: GuildConfig | null) => Promise<AfterCloseRequest<Arg>>,
  refusal: (t: Translate, error: unknown) => unknown,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    const config = await readInTime(context.guildConfigs.loadGuildConfig(guildId));
    const t = interactionWords(interaction, config?.language);
    const request = await prepare(t, config);
    await answerInTime(
      interaction,
      { t, pending: async () => t('replies.requestQueued'), unconfirmed: async () => t('replies.requestQueued') },
      async (_show, stillWanted) => {
        try {
          await updateTicket(context.temporal, request.workflowId, request.update, request.arg, {
            updateId: `bot-${interaction.id}`,
            stillWanted,
          });
        } catch (error) {
          throw refusal(t, error);
        }
        return request.done;
      },
    );
  } catch (error) {
    await answerFailure(interaction, error);
  }
}
