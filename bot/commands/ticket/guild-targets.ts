import { ChannelType, type ChatInputCommandInteraction, type GuildMember, type TextChannel } from 'discord.js';
import type { Translate } from '../../../i18n/translate.ts';
import { UserFacingError } from '../../replies.ts';

/**
 * The text channel an option names, as this guild has it, for the bot to act in. Discord's client only offers the
 * guild's text channels, but a request can name any id: anything else is refused, in the member's words `t`.
 */
export function textChannelOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  t: Translate,
  name: string,
  required: true,
): TextChannel;
export function textChannelOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  t: Translate,
  name: string,
  required?: false,
): TextChannel | null;
export function textChannelOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  t: Translate,
  name: string,
  required = false,
): TextChannel | null {
  const option = interaction.options.get(name, required);
  if (!option) return null;
  const id = String(option.value);
  const channel = interaction.guild.channels.cache.get(id);
  if (!channel) throw new UserFacingError(t('replies.channel.notInServer', { id }));
  if (channel.type !== ChannelType.GuildText)
    throw new UserFacingError(t('replies.channel.notText', { channel: `<#${id}>` }));
  return channel;
}

/**
 * The id a channel or role option names, as given. Whether it is this server's own is judged by the store when the
 * setting is saved, for every writer alike, so config commands hand it on unchecked.
 */
export function optionId(interaction: ChatInputCommandInteraction<'cached'>, name: string, required: true): string;
export function optionId(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required?: false,
): string | null;
export function optionId(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required = false,
): string | null {
  const option = interaction.options.get(name, required);
  return option ? String(option.value) : null;
}

/** The bot's own member in this guild, for checking what it may do. */
export async function botMember(interaction: ChatInputCommandInteraction<'cached'>): Promise<GuildMember> {
  return interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
}
