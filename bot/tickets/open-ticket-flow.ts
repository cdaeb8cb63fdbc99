import {
  ActionRowBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  ComponentType,
  ModalBuilder,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import type { GuildConfig, TicketType } from '../../domain/guild-config.ts';
import type { TicketAnswer } from '../../domain/ticket.ts';
import type { Translate } from '../../i18n/translate.ts';
import { withDeadline } from '../../telemetry/deadline.ts';
import type { BotContext } from '../bot-context.ts';
import { answerInTime } from '../interactions/answer-in-time.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { BEFORE_MODAL_READ_WITHIN_MS } from '../interactions/read-in-time.ts';
import { answerFailure, deferEphemeral, UserFacingError } from '../replies.ts';
import { openAndAnswer, openInterim } from './open-answer.ts';

type OpenStarter =
  | ButtonInteraction<'cached'>
  | StringSelectMenuInteraction<'cached'>
  | ChatInputCommandInteraction<'cached'>;

/**
 * Shows the type's questions in a modal, or opens the ticket at once when the type has none. The guild's
 * configuration says which, so it is read before the modal, the first answer, under a short deadline.
 */
export async function beginOpenTicket(interaction: OpenStarter, typeKey: string, context: BotContext): Promise<void> {
  try {
    const config = await withDeadline(
      context.guildConfigs.loadGuildConfig(interaction.guildId),
      BEFORE_MODAL_READ_WITHIN_MS,
    );
    const t = interactionWords(interaction, config?.language);
    const type = ticketTypeOf(t, config, typeKey);
    if (config?.blockedUserIds.includes(interaction.user.id)) throw new UserFacingError(t('refusals.open.blocked'));
    if (type.questions.length > 0) {
      await interaction.showModal(questionsModal(t, type, interaction.id));
      return;
    }
    await openTicketAs(interaction, type.key, [], interaction.id, context, t);
  } catch (error) {
    await answerFailure(interaction, error);
  }
}

/** The guild's type with this key, or the plain reason there is none. */
export function ticketTypeOf(t: Translate, config: GuildConfig | null, typeKey: string): TicketType {
  if (!config) throw new UserFacingError(t('refusals.open.notSetUp'));
  const type = config.ticketTypes.find((candidate) => candidate.key === typeKey);
  if (!type) throw new UserFacingError(t('refusals.open.unknownType', { type: typeKey }));
  return type;
}

/**
 * Each question is a text input `q<position>`; lengths and style as the guild configured them. The title is in the
 * member's language; the questions are the guild's own words.
 */
function questionsModal(t: Translate, type: TicketType, requestId: string): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(customId(CUSTOM_ID_PREFIX.questions, `${type.key}:${requestId}`))
    .setTitle(t('replies.open.modalTitle', { type: type.name }).slice(0, 45))
    .addComponents(
      type.questions.map((question, position) => {
        const input = new TextInputBuilder()
          .setCustomId(`q${position}`)
          .setLabel(question.label)
          .setStyle(question.style === 'short' ? TextInputStyle.Short : TextInputStyle.Paragraph)
          .setRequired(question.required)
          .setMaxLength(question.maxLength);
        if (question.minLength > 0) input.setMinLength(Math.min(question.minLength, question.maxLength));
        if (question.placeholder) input.setPlaceholder(question.placeholder);
        return new ActionRowBuilder<TextInputBuilder>().addComponents(input);
      }),
    );
}

/** The answers of a submitted questions modal, paired with the questions of the type as configured now. */
export function answersFrom(t: Translate, interaction: ModalSubmitInteraction, type: TicketType): TicketAnswer[] {
  return type.questions.map((question, position) => {
    const field = interaction.fields.fields.get(`q${position}`);
    const value = field && field.type === ComponentType.TextInput ? field.value.trim() : '';
    if (question.required && value === '') {
      throw new UserFacingError(t('replies.open.answerRequired', { question: question.label }));
    }
    if (value.length > question.maxLength) {
      throw new UserFacingError(t('replies.open.answerTooLong', { question: question.label, max: question.maxLength }));
    }
    return { question: question.label, answer: value };
  });
}

/**
 * Opens the ticket of this request and tells the member where it is, within seconds whatever Temporal does.
 * `requestId` is the id of the interaction that began the open, so a retry lands on the same workflow.
 */
export async function openTicketAs(
  interaction: OpenStarter | ModalSubmitInteraction<'cached'>,
  typeKey: string,
  answers: TicketAnswer[],
  requestId: string,
  context: BotContext,
  t: Translate,
): Promise<void> {
  await deferEphemeral(interaction);
  const request = {
    guildId: interaction.guildId,
    type: typeKey,
    creator: { id: interaction.user.id, name: interaction.member.displayName.slice(0, 100) || interaction.user.id },
    answers,
    // What the member's Discord speaks: messages to them alone (a direct message) use it.
    locale: interaction.locale,
  };
  await answerInTime(interaction, openInterim(context, interaction.guildId, requestId, t), (_show, stillWanted) =>
    openAndAnswer(context, request, requestId, stillWanted, t),
  );
}
