import {
  labelAddConfigSubcommandData,
  labelRemoveConfigSubcommandData,
} from '../../../../discord/ticket-command/metadata-subcommands.ts';
import { GUILD_CONFIG_LIMITS, ticketLabelSchema } from '../../../../domain/guild-config.ts';
import { findLabel } from '../../../../domain/ticket-metadata.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** `/ticket-config label add name: [color] [emoji]`: checked here for an answer in the member's words. */
export const labelAddSubcommand: ConfigSubcommand = {
  data: labelAddConfigSubcommandData,
  async answer(interaction, context, t) {
    const parsed = ticketLabelSchema.safeParse({
      name: interaction.options.getString('name', true),
      ...optional('color', interaction.options.getString('color')),
      ...optional('emoji', interaction.options.getString('emoji')),
    });
    if (!parsed.success) {
      throw new UserFacingError(t('ticket-metadata.config.labelInvalid', { max: GUILD_CONFIG_LIMITS.labelNameLength }));
    }
    const label = parsed.data;
    await changeGuildConfig(interaction, context, t, (config) => {
      if (
        findLabel(
          config.labels.map((held) => held.name),
          label.name,
        ) !== undefined
      ) {
        throw new UserFacingError(t('ticket-metadata.config.labelExists', { label: label.name }));
      }
      if (config.labels.length >= GUILD_CONFIG_LIMITS.labels) {
        throw new UserFacingError(t('ticket-metadata.config.labelsFull', { max: GUILD_CONFIG_LIMITS.labels }));
      }
      return { ...config, labels: [...config.labels, label] };
    });
    return t('ticket-metadata.config.labelAdded', { label: label.name });
  },
};

/** `/ticket-config label remove name:`: tickets that carry the label keep it until staff take it off. */
export const labelRemoveSubcommand: ConfigSubcommand = {
  data: labelRemoveConfigSubcommandData,
  async answer(interaction, context, t) {
    const name = interaction.options.getString('name', true);
    let removed = name;
    await changeGuildConfig(interaction, context, t, (config) => {
      const held = findLabel(
        config.labels.map((label) => label.name),
        name,
      );
      if (held === undefined) throw new UserFacingError(t('ticket-metadata.config.labelMissing', { label: name }));
      removed = held;
      return { ...config, labels: config.labels.filter((label) => label.name !== held) };
    });
    return t('ticket-metadata.config.labelRemoved', { label: removed });
  },
};

function optional(field: string, value: string | null): Record<string, string> {
  return value === null || value.trim() === '' ? {} : { [field]: value.trim() };
}
