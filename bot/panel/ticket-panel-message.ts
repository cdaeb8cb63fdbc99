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

const PANEL_TEXT = '**Need help from staff?**\nOpen a ticket: a private thread where only you and staff can talk.';

/** The Open-ticket message: one button when the guild has one ticket type, a type menu when it has several. */
export function ticketPanelMessage(config: GuildConfig): BaseMessageOptions {
  const [onlyType] = config.ticketTypes;
  if (config.ticketTypes.length === 1 && onlyType) {
    const button = new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.panelOpen, onlyType.key))
      .setStyle(ButtonStyle.Primary)
      .setLabel(`Open ticket: ${onlyType.name}`.slice(0, 80));
    if (onlyType.emoji) button.setEmoji(onlyType.emoji);
    return {
      content: PANEL_TEXT,
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
      allowedMentions: { parse: [] },
    };
  }
  const menu = new StringSelectMenuBuilder()
    .setCustomId(customId(CUSTOM_ID_PREFIX.panelSelect, 'types'))
    .setPlaceholder('Choose what your ticket is about')
    .addOptions(
      config.ticketTypes.map((type) => {
        const option = new StringSelectMenuOptionBuilder().setLabel(type.name).setValue(type.key);
        if (type.description) option.setDescription(type.description);
        if (type.emoji) option.setEmoji(type.emoji);
        return option;
      }),
    );
  return {
    content: PANEL_TEXT,
    components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
    allowedMentions: { parse: [] },
  };
}
