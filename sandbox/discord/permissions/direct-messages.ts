import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { DiscordState } from '../state/discord-state.ts';

/**
 * What a recipient may do in a DM channel, where no roles or overwrites apply: what Discord reports as
 * `app_permissions` and a DM interaction channel's `permissions`.
 */
export const DM_PERMISSIONS =
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalStickers |
  PermissionFlagsBits.SendVoiceMessages |
  PermissionFlagsBits.SendPolls |
  PermissionFlagsBits.UseExternalApps;

/**
 * Whether a bot's message reaches this user's DMs. Discord refuses it (403, 50007 "Cannot send messages to this
 * user") when the user turned off "Allow direct messages from server members", shares no guild with the bot, or is
 * a bot itself.
 */
export function acceptsDirectMessagesFrom(state: DiscordState, botUserId: string, userId: string): boolean {
  const user = state.users.get(userId);
  if (!user || user.bot || user.allowsDirectMessages === false) return false;
  return [...state.guilds.keys()].some((guildId) => state.member(guildId, botUserId) && state.member(guildId, userId));
}
