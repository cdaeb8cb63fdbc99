import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { DiscordState } from './state/discord-state.ts';
import type { ChannelRecord, GuildRecord, RoleRecord, UserRecord } from './state/records.ts';

/** What Ticketflow's invite asks for: run ticket threads (private, locked on close) and ping staff roles. */
export const TICKET_BOT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.ManageThreads,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.MentionEveryone,
  PermissionFlagsBits.UseApplicationCommands,
].reduce((bits, flag) => bits | flag, 0n);

/**
 * What the invite must add for tickets as private channels in a category: creating and deleting those channels
 * (MANAGE_CHANNELS) and writing their overwrites (MANAGE_ROLES, "Manage Permissions").
 */
export const TICKET_BOT_CHANNEL_MODE_PERMISSIONS =
  TICKET_BOT_PERMISSIONS | PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ManageRoles;

export interface GuildSeed {
  /** The bot that joins the guild. */
  botUserId: string;
  /** The bot's own role, as its invite link grants it; TICKET_BOT_PERMISSIONS unless given. */
  botPermissions?: bigint;
  name?: string;
  roles?: { name: string; mentionable?: boolean; permissions?: string }[];
  /** Users to create and add, with the names of their roles. */
  members?: { username: string; roles?: string[]; bot?: boolean }[];
  textChannels?: string[];
}

export interface SeededGuild {
  guild: GuildRecord;
  owner: UserRecord;
  roles: Map<string, RoleRecord>;
  users: Map<string, UserRecord>;
  channels: Map<string, ChannelRecord>;
}

/** A guild as a test needs it: an owner, the bot as a member, named roles, members holding them, text channels. */
export function seedGuild(state: DiscordState, seed: GuildSeed): SeededGuild {
  const owner = state.createUser({ username: 'owner' });
  const guild = state.createGuild({ name: seed.name ?? 'Ticketflow Test', ownerId: owner.id });
  const botRole = state.createRole(guild.id, {
    name: state.users.get(seed.botUserId)?.username ?? 'bot',
    permissions: (seed.botPermissions ?? TICKET_BOT_PERMISSIONS).toString(),
    managed: true,
  });
  state.addMember(guild.id, seed.botUserId, { roleIds: [botRole.id] });

  const roles = new Map((seed.roles ?? []).map((role) => [role.name, state.createRole(guild.id, role)]));
  const users = new Map<string, UserRecord>();
  for (const member of seed.members ?? []) {
    const user = state.createUser({ username: member.username, bot: member.bot });
    const roleIds = (member.roles ?? []).map((name) => {
      const role = roles.get(name);
      if (!role) throw new Error(`seed: member ${member.username} has unknown role ${name}`);
      return role.id;
    });
    state.addMember(guild.id, user.id, { roleIds });
    users.set(member.username, user);
  }
  const channels = new Map(
    (seed.textChannels ?? ['tickets']).map((name) => [name, state.createTextChannel(guild.id, { name })]),
  );
  return { guild, owner, roles, users, channels };
}
