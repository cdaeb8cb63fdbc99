import {
  type APIGuild,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  type GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { serializeChannel, serializeMember, serializeRole } from '../../serializers.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { type GuildRecord, isThread } from '../../state/records.ts';
import { requireGuild } from '../access.ts';
import { unknownMember } from '../errors.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';

const getGuildQuery = z.object({ with_counts: z.enum(['true', 'false']).optional() });

/** The guild as GET /guilds/{id} answers it: settings the sandbox does not model have a new guild's values. */
export function serializeGuild(state: DiscordState, guild: GuildRecord, withCounts: boolean): APIGuild {
  const roles = state.rolesOf(guild.id).sort((a, b) => a.position - b.position);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.AllMessages,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: roles.map(serializeRole),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    ...(withCounts
      ? { approximate_member_count: state.membersOf(guild.id).length, approximate_presence_count: 0 }
      : {}),
  };
}

/** What a bot reads about a guild: the guild with its roles, its channels, and one member. */
export const guildDirectoryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/guilds/:guildId',
    handle({ state, params, query, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      const { with_counts } = parseFormBody(getGuildQuery, Object.fromEntries(query));
      // home_header and nsfw are in the API description but not in discord-api-types' APIGuild.
      return {
        status: 200,
        body: { ...serializeGuild(state, guild, with_counts === 'true'), home_header: null, nsfw: false },
      };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guildId/channels',
    handle({ state, params, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      // Threads are not listed here; Discord lists them under /threads/active and the archive routes.
      const channels = [...state.channels.values()].filter(
        (channel) => channel.guildId === guild.id && !isThread(channel),
      );
      return { status: 200, body: channels.map((channel) => serializeChannel(channel)) };
    },
  },
  {
    // The guild's roles, @everyone included, lowest first as Discord lists them.
    method: 'GET',
    path: '/guilds/:guildId/roles',
    handle({ state, params, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      const roles = state.rolesOf(guild.id).sort((a, b) => a.position - b.position);
      return { status: 200, body: roles.map(serializeRole) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guildId/members/:userId',
    handle({ state, params, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      // One member needs no privileged intent; anyone not in the guild (or no user at all) is Unknown Member.
      const member = state.member(guild.id, params.userId ?? '');
      const user = member && state.users.get(member.userId);
      if (!member || !user) throw unknownMember();
      return { status: 200, body: serializeMember(member, user) };
    },
  },
];
