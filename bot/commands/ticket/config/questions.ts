import {
  MAX_QUESTIONS,
  questionAddSubcommandData,
  questionRemoveSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import type { TicketQuestion } from '../../../../domain/guild-config.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';
import { configuredType } from './ticket-types.ts';

export const questionAddSubcommand: ConfigSubcommand = {
  data: questionAddSubcommandData,
  async answer(interaction, context, t) {
    const typeKey = interaction.options.getString('type', true);
    const question: Partial<TicketQuestion> & Pick<TicketQuestion, 'label'> = {
      label: interaction.options.getString('question', true),
    };
    const style = interaction.options.getString('style');
    if (style === 'short' || style === 'paragraph') question.style = style;
    const required = interaction.options.getBoolean('required');
    if (required !== null) question.required = required;
    const maxLength = interaction.options.getInteger('max-length');
    if (maxLength !== null) question.maxLength = maxLength;

    const saved = await changeGuildConfig(interaction, context, t, (config) => {
      const type = configuredType(t, config, typeKey);
      if (type.questions.length >= MAX_QUESTIONS) {
        throw new UserFacingError(t('config.question.full', { type: typeKey, max: MAX_QUESTIONS }));
      }
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((each) =>
          each.key === typeKey ? { ...each, questions: [...each.questions, question] } : each,
        ),
      };
    });
    const position = configuredType(t, saved, typeKey).questions.length;
    return t('config.question.added', { position, type: typeKey, question: question.label });
  },
};

export const questionRemoveSubcommand: ConfigSubcommand = {
  data: questionRemoveSubcommandData,
  async answer(interaction, context, t) {
    const typeKey = interaction.options.getString('type', true);
    const position = interaction.options.getInteger('position', true);
    let removed = '';
    await changeGuildConfig(interaction, context, t, (config) => {
      const type = configuredType(t, config, typeKey);
      const question = type.questions[position - 1];
      if (!question) {
        throw new UserFacingError(
          t('config.question.missing', { type: typeKey, count: type.questions.length, position }),
        );
      }
      removed = question.label;
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((each) =>
          each.key === typeKey
            ? { ...each, questions: each.questions.filter((_, index) => index !== position - 1) }
            : each,
        ),
      };
    });
    return t('config.question.removed', { position, type: typeKey, question: removed });
  },
};
