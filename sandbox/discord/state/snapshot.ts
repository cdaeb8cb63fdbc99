import { randomBytes } from 'node:crypto';
import { type APIMessage, ChannelType, ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import { z } from 'zod';
import { compareDiscordIds } from '../../../domain/discord-id.ts';
import type {
  BotRecord,
  ChannelRecord,
  DmChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  ThreadMemberRecord,
  UserRecord,
} from './records.ts';

/** Bump when the shape changes, and teach `parseDiscordStateSnapshot` to read (or refuse) the older shape. */
export const DISCORD_STATE_SNAPSHOT_VERSION = 1;

/** A snapshot that cannot become a DiscordState; nothing was restored from it. */
export class InvalidSnapshotError extends Error {
  override name = 'InvalidSnapshotError';
}

const id = z.string().regex(/^\d{1,20}$/, 'must be a snowflake');
const isoTimestamp = z.iso.datetime({ offset: true });
const permissionBits = z.string().regex(/^\d+$/, 'must be a decimal permission string');

const userSchema = z.object({
  id,
  username: z.string().min(1),
  globalName: z.string().nullable(),
  bot: z.boolean(),
  locale: z.string().min(2).optional(),
  allowsDirectMessages: z.boolean().optional(),
}) satisfies z.ZodType<UserRecord>;

const botSchema = z.object({
  userId: id,
  applicationId: id,
  token: z.string().min(1),
  /** Snapshots from before OAuth2 have no secret: the bot gets a new one. */
  clientSecret: z
    .string()
    .min(1)
    .default(() => randomBytes(24).toString('base64url')),
  guildMembersIntent: z.boolean(),
}) satisfies z.ZodType<BotRecord>;

const guildSchema = z.object({ id, name: z.string().min(1), ownerId: id }) satisfies z.ZodType<GuildRecord>;

const roleSchema = z.object({
  id,
  guildId: id,
  name: z.string().min(1),
  permissions: permissionBits,
  position: z.number().int().min(0),
  color: z.number().int().min(0),
  hoist: z.boolean(),
  mentionable: z.boolean(),
  managed: z.boolean().optional(),
}) satisfies z.ZodType<RoleRecord>;

const memberSchema = z.object({
  guildId: id,
  userId: id,
  roleIds: z.array(id),
  nick: z.string().nullable(),
  joinedAt: isoTimestamp,
}) satisfies z.ZodType<MemberRecord>;

const threadStateSchema = z.object({
  ownerId: id,
  archived: z.boolean(),
  locked: z.boolean(),
  invitable: z.boolean(),
  autoArchiveDuration: z.enum(ThreadAutoArchiveDuration),
  archiveTimestamp: isoTimestamp,
  createTimestamp: isoTimestamp,
  messageCount: z.number().int().min(0),
  totalMessageSent: z.number().int().min(0),
});

/** Snapshots from before overwrites were modelled have none: they load as channels without overwrites. */
const permissionOverwritesSchema = z
  .array(z.object({ id, type: z.union([z.literal(0), z.literal(1)]), allow: permissionBits, deny: permissionBits }))
  .default([]);

const channelSchema = z.object({
  id,
  guildId: id,
  type: z.union([
    z.literal(ChannelType.GuildText),
    z.literal(ChannelType.GuildCategory),
    z.literal(ChannelType.PublicThread),
    z.literal(ChannelType.PrivateThread),
  ]),
  name: z.string().min(1),
  position: z.number().int().min(0),
  parentId: id.nullable(),
  topic: z.string().nullable(),
  lastMessageId: id.nullable(),
  permissionOverwrites: permissionOverwritesSchema,
  thread: threadStateSchema.nullable(),
}) satisfies z.ZodType<ChannelRecord>;

const dmChannelSchema = z.object({
  id,
  type: z.literal(ChannelType.DM),
  guildId: z.null(),
  recipientIds: z.tuple([id, id]),
  lastMessageId: id.nullable(),
}) satisfies z.ZodType<DmChannelRecord>;

const threadMemberSchema = z.object({
  threadId: id,
  userId: id,
  joinTimestamp: isoTimestamp,
}) satisfies z.ZodType<ThreadMemberRecord>;

/** The fields the sandbox reads back from a stored message; the rest is kept as the sandbox answered it. */
const storedMessageShape = z.looseObject({
  id,
  channel_id: id,
  author: z.looseObject({ id }),
  content: z.string(),
  timestamp: isoTimestamp,
  type: z.number().int(),
});
const apiMessageSchema = z.custom<APIMessage>(
  (value) => storedMessageShape.safeParse(value).success,
  'must be a Discord message object with id, channel_id, author, content, timestamp and type',
);

const messageSchema = z.object({
  message: apiMessageSchema,
  authorId: id,
  createdAtMs: z.number().int(),
}) satisfies z.ZodType<MessageRecord>;

/**
 * Everything a DiscordState must remember across a restart, as plain JSON. Nonces are not listed: they are
 * rebuilt from the messages that carry them. Faults, rate limits and the request log belong to one run only.
 */
const snapshotSchema = z.object({
  version: z.literal(DISCORD_STATE_SNAPSHOT_VERSION),
  savedAt: isoTimestamp,
  /** The last id the generator issued; the restored generator continues above it. */
  lastSnowflake: id.nullable(),
  users: z.array(userSchema),
  bots: z.array(botSchema),
  guilds: z.array(guildSchema),
  roles: z.array(roleSchema),
  members: z.array(memberSchema),
  /** Text channels and threads, in creation order. */
  channels: z.array(channelSchema),
  threadMembers: z.array(threadMemberSchema),
  /** Direct message channels; snapshots from before DMs were modelled have none. */
  dmChannels: z.array(dmChannelSchema).default([]),
  /** Every channel's messages, each channel's in the order they were sent. */
  messages: z.array(messageSchema),
});

export type DiscordStateSnapshot = z.infer<typeof snapshotSchema>;

/** Checks a snapshot's version, shape and references; anything short of a restorable world is refused. */
export function parseDiscordStateSnapshot(raw: unknown): DiscordStateSnapshot {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InvalidSnapshotError('the Discord sandbox snapshot is not a JSON object');
  const version = 'version' in raw ? raw.version : undefined;
  if (version !== DISCORD_STATE_SNAPSHOT_VERSION) {
    throw new InvalidSnapshotError(
      `the Discord sandbox snapshot has version ${JSON.stringify(version) ?? 'undefined'}; ` +
        `this sandbox reads version ${DISCORD_STATE_SNAPSHOT_VERSION} only`,
    );
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.map(String).join('.') || '(snapshot)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new InvalidSnapshotError(`the Discord sandbox snapshot is malformed: ${problems.join('; ')}${more}`);
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length > 0)
    throw new InvalidSnapshotError(`the Discord sandbox snapshot is inconsistent: ${problems.slice(0, 5).join('; ')}`);
  return parsed.data;
}

/** The highest id in a snapshot: new ids must come after every one of them, whatever lastSnowflake says. */
export function highestIdIn(snapshot: DiscordStateSnapshot): string | null {
  const ids = [
    snapshot.lastSnowflake,
    ...snapshot.users.map((user) => user.id),
    ...snapshot.guilds.map((guild) => guild.id),
    ...snapshot.roles.map((role) => role.id),
    ...snapshot.channels.map((channel) => channel.id),
    ...snapshot.dmChannels.map((channel) => channel.id),
    ...snapshot.messages.map((record) => record.message.id),
  ];
  return ids.reduce<string | null>(
    (highest, each) => (each !== null && (highest === null || compareDiscordIds(each, highest) > 0) ? each : highest),
    null,
  );
}

/** Ids that are repeated or point at nothing: the state's maps would silently drop or orphan such records. */
function referenceProblems(snapshot: DiscordStateSnapshot): string[] {
  const problems: string[] = [];
  const unique = (kind: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const each of ids) {
      if (seen.has(each)) problems.push(`${kind} ${each} appears twice`);
      seen.add(each);
    }
    return seen;
  };
  const users = unique(
    'user',
    snapshot.users.map((user) => user.id),
  );
  const guilds = unique(
    'guild',
    snapshot.guilds.map((guild) => guild.id),
  );
  const roles = unique(
    'role',
    snapshot.roles.map((role) => role.id),
  );
  const channels = new Map(snapshot.channels.map((channel) => [channel.id, channel]));
  const dmChannels = new Set(snapshot.dmChannels.map((channel) => channel.id));
  unique(
    'channel',
    [...snapshot.channels, ...snapshot.dmChannels].map((channel) => channel.id),
  );
  unique(
    'message',
    snapshot.messages.map((record) => record.message.id),
  );
  unique(
    'bot token',
    snapshot.bots.map((bot) => bot.token),
  );
  unique(
    'guild member',
    snapshot.members.map((member) => `${member.guildId}/${member.userId}`),
  );
  unique(
    'thread member',
    snapshot.threadMembers.map((member) => `${member.threadId}/${member.userId}`),
  );
  const need = (present: boolean, problem: string) => {
    if (!present) problems.push(problem);
  };

  for (const bot of snapshot.bots) need(users.has(bot.userId), `bot ${bot.userId} has no user`);
  for (const guild of snapshot.guilds)
    need(users.has(guild.ownerId), `guild ${guild.id} has unknown owner ${guild.ownerId}`);
  for (const role of snapshot.roles)
    need(guilds.has(role.guildId), `role ${role.id} is in unknown guild ${role.guildId}`);
  for (const member of snapshot.members) {
    need(guilds.has(member.guildId), `member ${member.userId} is in unknown guild ${member.guildId}`);
    need(users.has(member.userId), `member ${member.userId} of guild ${member.guildId} has no user`);
    for (const roleId of member.roleIds) need(roles.has(roleId), `member ${member.userId} has unknown role ${roleId}`);
  }
  for (const channel of snapshot.channels) {
    need(guilds.has(channel.guildId), `channel ${channel.id} is in unknown guild ${channel.guildId}`);
    const isThreadType = channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildCategory;
    need(isThreadType === (channel.thread !== null), `channel ${channel.id}'s type and thread metadata disagree`);
    const parent = channel.parentId === null ? undefined : channels.get(channel.parentId);
    if (isThreadType) need(parent?.type === ChannelType.GuildText, `thread ${channel.id} has no text channel parent`);
    else if (channel.parentId !== null)
      need(
        channel.type === ChannelType.GuildText && parent?.type === ChannelType.GuildCategory,
        `channel ${channel.id}'s parent ${channel.parentId} is not a category`,
      );
  }
  for (const channel of snapshot.dmChannels)
    for (const userId of channel.recipientIds)
      need(users.has(userId), `DM channel ${channel.id} has unknown recipient ${userId}`);
  for (const member of snapshot.threadMembers) {
    need(
      channels.get(member.threadId)?.thread != null,
      `thread member ${member.userId} is in unknown thread ${member.threadId}`,
    );
    need(users.has(member.userId), `thread member ${member.userId} has no user`);
  }
  for (const record of snapshot.messages) {
    need(
      channels.has(record.message.channel_id) || dmChannels.has(record.message.channel_id),
      `message ${record.message.id} is in unknown channel ${record.message.channel_id}`,
    );
    need(users.has(record.authorId), `message ${record.message.id} has unknown author ${record.authorId}`);
  }
  return problems;
}
