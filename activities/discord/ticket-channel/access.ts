import { OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { TicketChannelAccess } from '../../../domain/ticket.ts';

/** What a person in a ticket needs: see it, read back, write, and show files and links as they would in a thread. */
const WRITE =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.EmbedLinks;
const READ = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;
/** A locked ticket: nothing new from its members, in threads of it included, as a locked thread takes nothing. */
const LOCKED = PermissionFlagsBits.SendMessages | PermissionFlagsBits.SendMessagesInThreads;
/**
 * The bot posts and edits its notices there. Discord lets it allow or deny in an overwrite only what it holds in
 * the server itself, and Manage Roles there lets it set overwrites at all; it gets no more than the people do.
 */
const BOT = WRITE;

/** One overwrite as Discord's REST API takes it (permissions as decimal strings). */
export interface Overwrite {
  id: string;
  type: OverwriteType;
  allow: string;
  deny: string;
}

function overwrite(id: string, type: OverwriteType, allow: bigint, deny = 0n): Overwrite {
  return { id, type, allow: allow.toString(), deny: deny.toString() };
}

/** A member or role's overwrite for this access; null for `none` (the overwrite is removed). */
export function accessOverwrite({ id, kind, access }: TicketChannelAccess): Overwrite | null {
  const type = kind === 'member' ? OverwriteType.Member : OverwriteType.Role;
  if (access === 'write') return overwrite(id, type, WRITE);
  if (access === 'read') return overwrite(id, type, READ, LOCKED);
  return null;
}

/** A new ticket channel's overwrites: hidden from @everyone (whose id is the guild's), open to its people and the bot. */
export function ticketChannelOverwrites(input: {
  guildId: string;
  botUserId: string;
  creatorId: string;
  staffRoleIds: readonly string[];
}): Overwrite[] {
  return [
    overwrite(input.guildId, OverwriteType.Role, 0n, PermissionFlagsBits.ViewChannel),
    overwrite(input.botUserId, OverwriteType.Member, BOT),
    overwrite(input.creatorId, OverwriteType.Member, WRITE),
    ...[...new Set(input.staffRoleIds)].map((roleId) => overwrite(roleId, OverwriteType.Role, WRITE)),
  ];
}
