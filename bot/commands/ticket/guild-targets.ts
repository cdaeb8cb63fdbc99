import {
  ChannelType,
  type ChatInputCommandInteraction,
  type GuildMember,
  type PermissionResolvable,
  PermissionsBitField,
  type Role,
  type TextChannel,
} from 'discord.js';
import { UserFacingError } from '../../replies.ts';

/**
 * The text channel an option names, as this guild has it. Discord's client only offers the guild's text
 * channels, but a request can name any id: anything else is refused before anything is written.
 */
export function textChannelOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required: true,
): TextChannel;
export function textChannelOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required?: false,
): TextChannel | null;
export function textChannelOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required = false,
): TextChannel | null {
  const option = interaction.options.get(name, required);
  if (!option) return null;
  const id = String(option.value);
  const channel = interaction.guild.channels.cache.get(id);
  if (!channel) throw new UserFacingError(`Channel ${id} is not a channel of this server.`);
  if (channel.type !== ChannelType.GuildText) throw new UserFacingError(`<#${id}> is not a text channel.`);
  return channel;
}

/** The role an option names, as this guild has it; @everyone is not a role anyone can be given or pinged as. */
export function roleOption(interaction: ChatInputCommandInteraction<'cached'>, name: string, required: true): Role;
export function roleOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required?: false,
): Role | null;
export function roleOption(
  interaction: ChatInputCommandInteraction<'cached'>,
  name: string,
  required = false,
): Role | null {
  const option = interaction.options.get(name, required);
  if (!option) return null;
  const id = String(option.value);
  const role = interaction.guild.roles.cache.get(id);
  if (!role) throw new UserFacingError(`Role ${id} is not a role of this server.`);
  if (role.id === interaction.guild.id) throw new UserFacingError('@everyone cannot be used here; pick a role.');
  return role;
}

/** The bot's own member in this guild, for checking what it may do. */
export async function botMember(interaction: ChatInputCommandInteraction<'cached'>): Promise<GuildMember> {
  return interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
}

/** Refuses, naming what is missing, when the bot lacks permissions it will need in a channel. */
export async function requireBotPermissions(
  interaction: ChatInputCommandInteraction<'cached'>,
  channel: TextChannel,
  needed: PermissionResolvable,
  purpose: string,
): Promise<void> {
  const granted = channel.permissionsFor(await botMember(interaction));
  const missing = new PermissionsBitField(needed).remove(granted).toArray();
  if (missing.length > 0) {
    throw new UserFacingError(
      `I cannot ${purpose} in ${channel}: I am missing ${missing.map(permissionWords).join(', ')} there.`,
    );
  }
}

/** `SendMessagesInThreads` → `Send Messages In Threads`. */
function permissionWords(flag: string): string {
  return flag.replace(/(?<=[a-z])(?=[A-Z])/g, ' ');
}
