import { ChannelType, SlashCommandSubcommandBuilder } from 'discord.js';
import { localizedChoice, localizedCommandText } from '../../i18n/discord-localizations.ts';

export const categoriesSubcommandData = localizedCommandText(
  new SlashCommandSubcommandBuilder(),
  'commands.config.categories',
)
  .addChannelOption((option) =>
    localizedCommandText(option, 'commands.config.categories.add').addChannelTypes(ChannelType.GuildCategory),
  )
  .addChannelOption((option) =>
    localizedCommandText(option, 'commands.config.categories.remove').addChannelTypes(ChannelType.GuildCategory),
  );

export const typeModeSubcommandData = localizedCommandText(
  new SlashCommandSubcommandBuilder(),
  'commands.config.type.mode',
)
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type-option')
      .setRequired(true)
      .setMaxLength(32)
      .setAutocomplete(true),
  )
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.type.mode.mode')
      .setRequired(true)
      .addChoices(
        localizedChoice('commands.config.type.mode.mode.thread', 'thread'),
        localizedChoice('commands.config.type.mode.mode.channel', 'channel'),
      ),
  );
