import type { REST } from '@discordjs/rest';
import {
  type APIGuild,
  type APIGuildMember,
  type APIRole,
  type RESTGetAPIGuildChannelsResult,
  Routes,
} from 'discord-api-types/v10';
import type { SourceUser, TranscriptSource } from '../../../transcripts/transcript-source.ts';
import { unlessUnavailable } from './availability.ts';
import { memberProfile } from './member-profile.ts';

/**
 * At most this many members are looked up, one request each (Discord has no bulk lookup by id, and listing
 * the whole guild needs a privileged intent and is far more work in a big guild). A ticket names a handful of
 * people; past the cap the rest keep the names stored with their messages.
 */
export const MEMBER_LOOKUP_CAP = 250;

export interface GuildDirectory {
  guildId: string;
  name: string;
  /** By id, for role colours. */
  roleById: ReadonlyMap<string, APIRole>;
  roles: TranscriptSource['roles'];
  channels: TranscriptSource['channels'];
}

/** The guild's name, roles and channels; null when the guild is gone or the bot was removed from it. */
export async function fetchGuildDirectory(rest: REST, guildId: string): Promise<GuildDirectory | null> {
  const guild = await unlessUnavailable(async () => (await rest.get(Routes.guild(guildId))) as APIGuild);
  if (!guild) return null;
  const channels =
    (await unlessUnavailable(
      async () => (await rest.get(Routes.guildChannels(guildId))) as RESTGetAPIGuildChannelsResult,
    )) ?? [];
  return {
    guildId,
    name: guild.name,
    roleById: new Map(guild.roles.map((role) => [role.id, role])),
    roles: guild.roles.map((role) => ({ id: role.id, name: role.name, color: role.color === 0 ? null : role.color })),
    channels: channels.map((channel) => ({ id: channel.id, name: channel.name })),
  };
}

/**
 * The members among `userIds` (first MEMBER_LOOKUP_CAP of them), as the guild shows them now. Users who are
 * not members (they left, or are webhooks or deleted accounts) are simply absent from the answer.
 */
export async function fetchMemberProfiles(
  rest: REST,
  directory: GuildDirectory,
  userIds: readonly string[],
): Promise<Map<string, SourceUser>> {
  const profiles = new Map<string, SourceUser>();
  for (const userId of userIds.slice(0, MEMBER_LOOKUP_CAP)) {
    const member = await unlessUnavailable(
      async () => (await rest.get(Routes.guildMember(directory.guildId, userId))) as APIGuildMember,
    );
    if (member?.user)
      profiles.set(userId, memberProfile(directory.guildId, { ...member, user: member.user }, directory.roleById));
  }
  return profiles;
}
