import { ChannelType } from 'discord-api-types/v10';
import type { GuildConfig } from '../domain/guild-config.ts';
import type { GuildConfigProblem } from './guild-config-error.ts';
import type { GuildDirectory } from './guild-directory.ts';

/** The channels the bot opens ticket threads under or posts in. */
const CHANNEL_SETTINGS = ['ticketChannelId', 'historiesChannelId', 'remindersChannelId'] as const;

/**
 * Why a configuration may not be saved for this guild on account of the channels and roles it names: each must
 * be the guild's own (a text channel; a role, not @everyone), or the bot, shared by every guild, would post one
 * guild's tickets into another's channels. Only what the save adds to a setting is asked about: what a setting
 * already holds was accepted when it was saved, and a channel or role deleted since must not block every other
 * change, its own removal among them.
 */
export async function guildOwnershipProblems(
  directory: GuildDirectory,
  guildId: string,
  config: GuildConfig,
  stored: GuildConfig | null,
): Promise<GuildConfigProblem[]> {
  const checks: Promise<GuildConfigProblem | null>[] = [];
  for (const setting of CHANNEL_SETTINGS) {
    const channelId = config[setting];
    if (channelId !== null && channelId !== stored?.[setting]) {
      checks.push(channelProblem(directory, guildId, setting, channelId, 'text'));
    }
  }
  config.staffRoleIds.forEach((roleId, index) => {
    if (!stored?.staffRoleIds.includes(roleId))
      checks.push(roleProblem(directory, guildId, `staffRoleIds.${index}`, roleId));
  });
  config.ticketCategoryIds.forEach((categoryId, index) => {
    if (!stored?.ticketCategoryIds.includes(categoryId))
      checks.push(channelProblem(directory, guildId, `ticketCategoryIds.${index}`, categoryId, 'category'));
  });
  const { notificationRoleId } = config;
  if (notificationRoleId !== null && notificationRoleId !== stored?.notificationRoleId) {
    checks.push(roleProblem(directory, guildId, 'notificationRoleId', notificationRoleId));
  }
  const escalationRoles = [
    { path: 'escalationRoleId', roleId: config.escalationRoleId, held: stored?.escalationRoleId },
    ...config.ticketTypes.map((type, index) => ({
      path: `ticketTypes.${index}.escalationRoleId`,
      roleId: type.escalationRoleId,
      held: stored?.ticketTypes.find((storedType) => storedType.key === type.key)?.escalationRoleId,
    })),
  ];
  for (const { path, roleId, held } of escalationRoles) {
    if (roleId !== null && roleId !== held) checks.push(roleProblem(directory, guildId, path, roleId));
  }
  return (await Promise.all(checks)).filter((problem) => problem !== null);
}

const CHANNEL_KINDS = {
  text: { type: ChannelType.GuildText, otherwise: 'is not a text channel' },
  category: { type: ChannelType.GuildCategory, otherwise: 'is not a category' },
} as const;

async function channelProblem(
  directory: GuildDirectory,
  guildId: string,
  path: string,
  channelId: string,
  kind: keyof typeof CHANNEL_KINDS,
): Promise<GuildConfigProblem | null> {
  const type = await directory.channelType(guildId, channelId);
  if (type === null) return { path, message: 'is not a channel of this server' };
  if (type !== CHANNEL_KINDS[kind].type) return { path, message: CHANNEL_KINDS[kind].otherwise };
  return null;
}

async function roleProblem(
  directory: GuildDirectory,
  guildId: string,
  path: string,
  roleId: string,
): Promise<GuildConfigProblem | null> {
  // @everyone (its id is the guild's) as staff would make every member staff, and Discord does not ping it as a role.
  if (roleId === guildId) return { path, message: 'is @everyone, which every member has: choose a role' };
  return (await directory.hasRole(guildId, roleId)) ? null : { path, message: 'is not a role of this server' };
}
