import { type GuildAccess, guildAccess, isGuildAdmin } from '../../../domain/guild-access.ts';
import type { BotGuilds } from '../discord/bot-guilds.ts';
import type { DiscordOAuthClient } from '../discord/discord-oauth-client.ts';

/** A guild the bot is in and the user is in, with what the user may do there. */
export interface AccessibleGuild {
  id: string;
  name: string;
  icon: string | null;
  access: GuildAccess;
}

export interface GuildAccessViews {
  /** Every guild the user and the bot share, by id, with the user's access. */
  guildsOf(user: { userId: string; discordAccessToken: string }): Promise<ReadonlyMap<string, AccessibleGuild>>;
}

export interface GuildAccessViewsOptions {
  discord: Pick<DiscordOAuthClient, 'currentUserGuilds' | 'currentUserMember'>;
  botGuilds: BotGuilds;
  /** The configured staff roles of these guilds (store/guild-staff-roles.ts). */
  staffRoleIdsOf(guildIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>>;
  /** How long a user's view is reused: a role given or taken on Discord counts after at most this long. */
  maxAgeMs: number;
  /** Views kept at most; the oldest are dropped first. */
  maxUsers?: number;
  now?: () => number;
}

/**
 * Who may do what in which guild, decided on the server from Discord's answers, never from the browser. One view
 * per user, reused for `maxAgeMs` (a read in flight is shared). Its Discord cost: one request for the user's guilds
 * (owner and permissions decide admins), one for the user's roles in each shared guild where they are not admin and
 * that configured staff roles, and the bot's guild list, shared by every user.
 */
export function createGuildAccessViews(options: GuildAccessViewsOptions): GuildAccessViews {
  const now = options.now ?? Date.now;
  const maxUsers = options.maxUsers ?? 10_000;
  const views = new Map<string, { readAt: number; guilds: Promise<ReadonlyMap<string, AccessibleGuild>> }>();

  async function read(accessToken: string): Promise<ReadonlyMap<string, AccessibleGuild>> {
    const [userGuilds, botGuildIds] = await Promise.all([
      options.discord.currentUserGuilds(accessToken),
      options.botGuilds.guildIds(),
    ]);
    const shared = userGuilds.filter((guild) => botGuildIds.has(guild.id));
    const standings = shared.map((guild) => ({ guild, owner: guild.owner, permissions: BigInt(guild.permissions) }));
    const needRoles = standings.filter((standing) => !isGuildAdmin(standing));
    const staffRoles = await options.staffRoleIdsOf(needRoles.map(({ guild }) => guild.id));
    const roleIds = new Map(
      await Promise.all(
        needRoles
          .filter(({ guild }) => (staffRoles.get(guild.id) ?? []).length > 0)
          .map(async ({ guild }) => {
            const member = await options.discord.currentUserMember(accessToken, guild.id);
            return [guild.id, member?.roles ?? []] as const;
          }),
      ),
    );
    return new Map(
      standings.map(({ guild, owner, permissions }) => [
        guild.id,
        {
          id: guild.id,
          name: guild.name,
          icon: guild.icon,
          access: guildAccess(
            { owner, permissions, roleIds: roleIds.get(guild.id) ?? null },
            staffRoles.get(guild.id) ?? [],
          ),
        },
      ]),
    );
  }

  function forget(userId: string, entry: { guilds: Promise<unknown> }): void {
    if (views.get(userId) === entry) views.delete(userId);
  }

  return {
    guildsOf({ userId, discordAccessToken }) {
      const cached = views.get(userId);
      if (cached && now() - cached.readAt < options.maxAgeMs) return cached.guilds;
      const entry = { readAt: now(), guilds: read(discordAccessToken) };
      views.delete(userId);
      views.set(userId, entry);
      // Maps keep insertion order: the first keys are the oldest views.
      for (const oldest of views.keys()) {
        if (views.size <= maxUsers) break;
        views.delete(oldest);
      }
      entry.guilds.catch(() => forget(userId, entry));
      return entry.guilds;
    },
  };
}
