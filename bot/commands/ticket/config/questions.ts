import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketQuestion } from '../../../../domain/guild-config.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';
import { configuredType } from './ticket-types.ts';

/** A Discord modal holds at most 5 text inputs, and the questions are asked in one modal. */
const MAX_QUESTIONS = 5;
const MAX_ANSWER_LENGTH = 4000;

export const questionAddSubcommand: ConfigSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('question-add')
    .setDescription(`Add a question members answer when opening a ticket of a type (at most ${MAX_QUESTIONS})`)
    .addStringOption((option) =>
      option.setName('type').setDescription('The type key').setRequired(true).setMaxLength(32),
    )
    .addStringOption((option) =>
      option.setName('question').setDescription('The question, up to 45 characters').setRequired(true).setMaxLength(45),
    )
    .addStringOption((option) =>
      option
        .setName('style')
        .setDescription('One line, or a paragraph (default)')
        .addChoices({ name: 'short', value: 'short' }, { name: 'paragraph', value: 'paragraph' }),
    )
    .addBooleanOption((option) => option.setName('required').setDescription('Must it be answered? (default: yes)'))
    .addIntegerOption((option) =>
      option
        .setName('max-length')
        .setDescription(`Longest answer in characters (default 1000, at most ${MAX_ANSWER_LENGTH})`)
        .setMinValue(1)
        .setMaxValue(MAX_ANSWER_LENGTH),
    ),
  async answer(interaction, context) {
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

    const saved = await changeGuildConfig(interaction, context, (config) => {
      const type = configuredType(config, typeKey);
      if (type.questions.length >= MAX_QUESTIONS) {
        throw new UserFacingError(
          `"${typeKey}" already has ${MAX_QUESTIONS} questions, the most a Discord form can ask. Remove one first.`,
        );
      }
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((each) =>
          each.key === typeKey ? { ...each, questions: [...each.questions, question] } : each,
        ),
      };
    });
    const position = configuredType(saved, typeKey).questions.length;
    return `Added question ${position} to "${typeKey}": ${question.label}`;
  },
};

export const questionRemoveSubcommand: ConfigSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('question-remove')
    .setDescription('Remove a question of a ticket type')
    .addStringOption((option) =>
      option.setName('type').setDescription('The type key').setRequired(true).setMaxLength(32),
    )
    .addIntegerOption((option) =>
      option
        .setName('position')
        .setDescription('Its number, from 1, as /ticket config show lists it')
        .setRequired(true)
        .setMinValue(1)
        .setMaxValue(MAX_QUESTIONS),
    ),
  async answer(interaction, context) {
    const typeKey = interaction.options.getString('type', true);
    const position = interaction.options.getInteger('position', true);
    let removed = '';
    await changeGuildConfig(interaction, context, (config) => {
      const type = configuredType(config, typeKey);
      const question = type.questions[position - 1];
      if (!question) {
        throw new UserFacingError(
          `"${typeKey}" has ${type.questions.length} questions; there is no question ${position}.`,
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
    return `Removed question ${position} of "${typeKey}": ${removed}`;
  },
};
