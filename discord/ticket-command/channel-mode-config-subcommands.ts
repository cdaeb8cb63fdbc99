import { ChannelType, SlashCommandSubcommandBuilder } from 'discord.js';

export const categoriesSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('categories')
  .setDescription('Categories channel-mode tickets open in, filled in order (nothing given: list them)')
  .addChannelOption((option) =>
    option
      .setName('add')
      .setDescription('A category to add at the end of the list')
      .addChannelTypes(ChannelType.GuildCategory),
  )
  .addChannelOption((option) =>
    option
      .setName('remove')
      .setDescription('A category to take off the list (its open tickets stay)')
      .addChannelTypes(ChannelType.GuildCategory),
  );

export const typeModeSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('type-mode')
  .setDescription("Whether a type's tickets open as private threads or as private channels in the ticket categories")
  .addStringOption((option) => option.setName('type').setDescription('The type key').setRequired(true).setMaxLength(32))
  .addStringOption((option) =>
    option
      .setName('mode')
      .setDescription('thread (the default) or channel')
      .setRequired(true)
      .addChoices({ name: 'thread', value: 'thread' }, { name: 'channel', value: 'channel' }),
  );
