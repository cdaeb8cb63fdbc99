import {
  type APIGuildMember,
  type ApplicationFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GatewayIntentBits,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { canSeeChannel } from '../permissions/visibility.ts';
import { serializeGuild } from '../rest/routes/guild-directory.ts';
import { serializeChannel, serializeMember, serializeThreadMember, serializeUser } from '../serializers.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { GuildRecord } from '../state/records.ts';

/** What a session is, as far as the payloads it receives depend on it. */
export interface SessionView {
  userId: string;
  applicationId: string;
  intents: number;
  /** IDENTIFY's large_threshold: bigger guilds come without their member list. */
  largeThreshold: number;
}

/** The guilds a user's client is told about: the ones they are a member of. */
export function guildsOf(state: DiscordState, userId: string): GuildRecord[] {
  return [...state.guilds.values()].filter((guild) => state.member(guild.id, userId));
}

export function readyPayload(
  state: DiscordState,
  session: SessionView & { id: string; shard: [number, number] },
  resumeGatewayUrl: string,
): GatewayReadyDispatchData {
  const user = state.users.get(session.userId);
  if (!user) throw new Error(`no user ${session.userId}`);
  return {
    v: 10,
    user: { ...serializeUser(user), verified: true, mfa_enabled: false },
    guilds: guildsOf(state, session.userId).map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: resumeGatewayUrl,
    shard: session.shard,
    application: { id: session.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

/**
 * The whole guild as the client's cache starts from it: roles with @everyone, every channel, the active threads
 * the user may see (with their own membership), and members: everyone with GUILD_MEMBERS in a small guild,
 * otherwise only the user themself, as Discord does.
 */
export function guildCreatePayload(
  state: DiscordState,
  guild: GuildRecord,
  session: SessionView,
): GatewayGuildCreateDispatchData {
  const allMembers = state.membersOf(guild.id);
  const large = allMembers.length > session.largeThreshold;
  const withEveryone = (session.intents & GatewayIntentBits.GuildMembers) !== 0 && !large;
  const self = state.member(guild.id, session.userId);
  const members = allMembers
    .filter((member) => withEveryone || member.userId === session.userId)
    .flatMap((member): APIGuildMember[] => {
      const user = state.users.get(member.userId);
      return user ? [serializeMember(member, user)] : [];
    });
  // The payloads' own `type` sorts them, so that each list is typed as the channels it holds.
  const channels = [...state.channels.values()]
    .filter((channel) => channel.guildId === guild.id)
    .map((channel) => serializeChannel(channel))
    .flatMap((channel) =>
      channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildCategory ? [channel] : [],
    );
  const threads = state
    .activeThreads(guild.id)
    .filter((thread) => canSeeChannel(state, thread.id, session.userId))
    .flatMap((thread) => {
      const threadMembers = state.threadMembers(thread.id);
      const own = threadMembers.find((member) => member.userId === session.userId);
      const channel = serializeChannel(thread, threadMembers.length);
      if (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildCategory) return [];
      return [{ ...channel, ...(own ? { member: serializeThreadMember(own) } : {}) }];
    });
  return {
    ...serializeGuild(state, guild, false),
    joined_at: self?.joinedAt ?? new Date(state.now()).toISOString(),
    large,
    unavailable: false,
    member_count: allMembers.length,
    members,
    channels,
    threads,
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
