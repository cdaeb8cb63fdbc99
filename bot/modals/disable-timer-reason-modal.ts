import {
  ActionRowBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import { canManage } from '../../domain/ticket-permissions.ts';
import type { Translate } from '../../i18n/translate.ts';
import { withDeadline } from '../../telemetry/deadline.ts';
import { TIMER_DISABLE_REASON_MAX } from '../../workflows/ticket/timer-reason.ts';
import type { BotContext } from '../bot-context.ts';
import type { ModalHandler } from '../interactions/handler-types.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { BEFORE_MODAL_READ_WITHIN_MS } from '../interactions/read-in-time.ts';
import { actorOf } from '../permissions.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../replies.ts';
import { closeFactsOf } from '../tickets/answer-from-record.ts';
import { disableTimerWithReasonAs } from '../tickets/close-request-actions.ts';
import { closedTicketAnswer } from '../tickets/closure-words.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

const REASON_INPUT = 'reason';

/** Asks staff why the ticket should stay open without its inactivity timer; the reason is required. */
export function disableTimerReasonModal(ticketNumber: number, t: Translate): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(customId(CUSTOM_ID_PREFIX.disableTimerReason, String(ticketNumber)))
    .setTitle(t('close-request.timerModalTitle', { number: ticketNumber }).slice(0, 45))
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder()
          .setCustomId(REASON_INPUT)
          .setLabel(t('close-request.timerReasonLabel').slice(0, 45))
          .setStyle(TextInputStyle.Paragraph)
          .setRequired(true)
          .setMaxLength(TIMER_DISABLE_REASON_MAX),
      ),
    );
}

/**
 * Turn timer off (the controls' button, `/ticket timer-off`): the reason modal, unless the ticket is closed or the
 * member is not staff. The modal must be the first answer, so the row and the guild's staff roles are read under a
 * short deadline; when Postgres is slow and the ticket's number is known the form is shown all the same, and its
 * submit checks everything again.
 */
export async function askTimerOffReason(
  interaction: ButtonInteraction<'cached'> | ChatInputCommandInteraction<'cached'>,
  context: BotContext,
  number: number | null,
): Promise<void> {
  try {
    const [ticket, config] = await Promise.all([
      withDeadline(resolveTicket(interaction, context, number), BEFORE_MODAL_READ_WITHIN_MS).catch((error) => {
        if (error instanceof UserFacingError || number === null) throw error;
        return null;
      }),
      withDeadline(context.guildConfigs.loadGuildConfig(interaction.guildId), BEFORE_MODAL_READ_WITHIN_MS).catch(
        () => undefined,
      ),
    ]);
    const t = interactionWords(interaction, config?.language);
    if (config !== undefined && !canManage(actorOf(interaction.member, config))) {
      throw new UserFacingError(t('close-request.onlyStaffTimer'));
    }
    if (ticket?.status === 'closed') {
      await replyEphemeral(interaction, closedTicketAnswer(t, ticket.number, closeFactsOf(ticket), 'change'));
      return;
    }
    await interaction.showModal(disableTimerReasonModal(ticket?.number ?? (number as number), t));
  } catch (error) {
    await answerFailure(interaction, error);
  }
}

/** The submitted reason: turns the timer off with it. */
export const disableTimerReasonModalHandler: ModalHandler = {
  prefix: CUSTOM_ID_PREFIX.disableTimerReason,
  async execute(interaction, id, context) {
    try {
      await deferEphemeral(interaction);
      const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
      await disableTimerWithReasonAs(interaction, ticket, interaction.fields.getTextInputValue(REASON_INPUT), context);
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
