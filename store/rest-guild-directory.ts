import { DiscordAPIError, REST } from '@discordjs/rest';
import {
  type APIGuild,
  type APIGuildMember,
  type ChannelType,
  type RESTGetAPIGuildChannelsResult,
  RESTJSONErrorCodes,
  Routes,
} from 'discord-api-types/v10';
import { discordApiRoot } from '../config/discord-api.ts';
import type { GuildDirectory } from './guild-directory.ts';

export type RestGuildDirectoryOptions = (
  | {
      /** The bot token, without the "Bot " prefix. */
      token: string;
      /** Like DISCORD_API_BASE_URL: `https://discord.com/api`, with or without `/v10`. */
      apiBaseUrl: string;
    }
  | {
      /** A REST client with the bot's token that the process already has (its queue, its request metrics). */
      rest: REST;
    }
) & {
  /**
   * How long one read of a guild's channels, or of its roles, answers every caller (pickers that list them); 0, the
   * default, reads anew for every question. A check that does not find an id in a kept read reads once more before
   * it answers no, so a channel created a moment ago is never refused.
   */
  maxAgeMs?: number;
  now?: () => number;
};

/** Discord's answers to a member read for someone who is not in the guild, or no user at all. */
const NOT_A_MEMBER = new Set<number>([RESTJSONErrorCodes.UnknownMember, RESTJSONErrorCodes.UnknownUser]);

/** A guild's channel as a picker lists it. */
export interface DirectoryChannel {
  id: string;
  name: string;
  type: ChannelType;
  /** The category it sits in. */
  parentId: string | null;
  position: number;
}

/** A guild's role as a picker lists it; @everyone (its id is the guild's) included. */
export interface DirectoryRole {
  id: string;
  name: string;
  color: number;
  position: number;
  /** Held by an integration (a bot's own role): nobody can be given it. */
  managed: boolean;
  /** The role's guild-level permissions (Discord's bit set). */
  permissions: bigint;
}

/** What decides a member's guild-level permissions: who owns the guild, and the roles they hold. */
export interface DirectoryMember {
  isOwner: boolean;
  roleIds: readonly string[];
}

/** A GuildDirectory that can also list what it checks against, for the panel's channel and role pickers. */
export interface RestGuildDirectory extends GuildDirectory {
  channels(guildId: string): Promise<readonly DirectoryChannel[]>;
  roles(guildId: string): Promise<readonly DirectoryRole[]>;
  /** A member of the guild, read anew (one request, plus the kept guild read); null when they are not in it. */
  member(guildId: string, userId: string): Promise<DirectoryMember | null>;
}

interface Kept<T> {
  readAt: number;
  value: Promise<T>;
}

/**
 * A guild directory read from Discord's REST API with the bot token, for writers without a gateway cache (the web
 * process, the demo seeding): one request for the guild's channel list (all of them, whatever the bot may see in
 * each), one for the guild itself, which carries its roles. A read in flight is shared; a failed one is not kept.
 */
export function createRestGuildDirectory(options: RestGuildDirectoryOptions): RestGuildDirectory {
  const rest =
    'rest' in options
      ? options.rest
      : new REST({ api: discordApiRoot(options.apiBaseUrl), version: '10' }).setToken(options.token);
  const maxAgeMs = options.maxAgeMs ?? 0;
  const now = options.now ?? Date.now;

  function keeping<T>(read: (guildId: string) => Promise<T>) {
    const kept = new Map<string, Kept<T>>();
    return (guildId: string, fresh = false): { value: Promise<T>; wasKept: boolean } => {
      const entry = kept.get(guildId);
      if (!fresh && entry && now() - entry.readAt < maxAgeMs) return { value: entry.value, wasKept: true };
      const next: Kept<T> = { readAt: now(), value: read(guildId) };
      if (maxAgeMs > 0) kept.set(guildId, next);
      next.value.catch(() => {
        if (kept.get(guildId) === next) kept.delete(guildId);
      });
      return { value: next.value, wasKept: false };
    };
  }

  const channels = keeping(async (guildId): Promise<readonly DirectoryChannel[]> => {
    const listed = (await rest.get(Routes.guildChannels(guildId))) as RESTGetAPIGuildChannelsResult;
    return listed.map((channel) => {
      // Every channel a guild lists has these, whatever its type; the API's union does not say so for all.
      const placed = channel as { parent_id?: string | null; position?: number };
      return {
        id: channel.id,
        name: channel.name ?? '',
        type: channel.type,
        parentId: placed.parent_id ?? null,
        position: placed.position ?? 0,
      };
    });
  });
  const guilds = keeping(async (guildId): Promise<{ ownerId: string; roles: readonly DirectoryRole[] }> => {
    const guild = (await rest.get(Routes.guild(guildId))) as APIGuild;
    const roles = guild.roles.map((role) => ({
      id: role.id,
      name: role.name,
      color: role.color,
      position: role.position,
      managed: role.managed,
      permissions: BigInt(role.permissions),
    }));
    return { ownerId: guild.owner_id, roles };
  });
  const roles = (guildId: string, fresh?: boolean) => {
    const read = guilds(guildId, fresh);
    return { value: read.value.then((guild) => guild.roles), wasKept: read.wasKept };
  };

  /** Looks in the kept read, and in a fresh one when the kept read does not have it. */
  async function find<T extends { id: string }>(
    read: (guildId: string, fresh?: boolean) => { value: Promise<readonly T[]>; wasKept: boolean },
    guildId: string,
    id: string,
  ): Promise<T | undefined> {
    const first = read(guildId);
    const found = (await first.value).find((item) => item.id === id);
    if (found || !first.wasKept) return found;
    return (await read(guildId, true).value).find((item) => item.id === id);
  }

  return {
    channels: (guildId) => channels(guildId).value,
    roles: (guildId) => roles(guildId).value,
    async channelType(guildId, channelId) {
      return (await find(channels, guildId, channelId))?.type ?? null;
    },
    async hasRole(guildId, roleId) {
      return (await find(roles, guildId, roleId)) !== undefined;
    },
    async member(guildId, userId) {
      const [guild, member] = await Promise.all([
        guilds(guildId).value,
        (rest.get(Routes.guildMember(guildId, userId)) as Promise<APIGuildMember>).catch((error: unknown) => {
          if (error instanceof DiscordAPIError && NOT_A_MEMBER.has(Number(error.code))) return null;
          throw error;
        }),
      ]);
      return member === null ? null : { isOwner: guild.ownerId === userId, roleIds: member.roles };
    },
  };
}
