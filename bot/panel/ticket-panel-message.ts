import {
  ActionRowBuilder,
  type BaseMessageOptions,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
} from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { translator } from '../../i18n/translate.ts';

/**
 * The Open-ticket message, in the guild's language since everyone in the channel reads it: one button when the
 * guild has one ticket type, a type menu when it has several.
 */
export function ticketPanelMessage(config: GuildConfig): BaseMessageOptions {
  const t = translator(config.language);
  const [onlyType] = config.ticketTypes;
  if (config.ticketTypes.length === 1 && onlyType) {
    const button = new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.panelOpen, onlyType.key))
      .setStyle(ButtonStyle.Primary)
      .setLabel(t('panel-message.openButton', { type: onlyType.name }).slice(0, 80));
    if (onlyType.emoji) button.setEmoji(onlyType.emoji);
    return {
      content: t('panel-message.text'),
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
      allowedMentions: { parse: [] },
    };
  }
  const menu = new StringSelectMenuBuilder()
    .setCustomId(customId(CUSTOM_ID_PREFIX.panelSelect, 'types'))
    .setPlaceholder(t('panel-message.choose'))
    .addOptions(
      config.ticketTypes.map((type) => {
        const option = new StringSelectMenuOptionBuilder().setLabel(type.name).setValue(type.key);
        if (type.description) option.setDescription(type.description);
        if (type.emoji) option.setEmoji(type.emoji);
        return option;
      }),
    );
  return {
    content: t('panel-message.text'),
    components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    allowedMentions: { parse: [] },
  };
}
