/**
 * The synthetic ticket as the discord.js objects discord-html-transcripts needs, built from API-shaped
 * payloads without a Discord connection: a Client that never logs in, a Guild and a TextChannel in its
 * caches, and one Message per entry. Their constructors are internal, hence Reflect.construct.
 * Ticket events become bot messages with the same text our renderer shows for them.
 */
import { Client, ClientApplication, Guild, Message, TextChannel, User } from 'discord.js';
import type { TranscriptSource } from '../../transcripts/transcript-source.ts';

type Payload = Record<string, unknown>;

const STICKER_FORMAT_TYPES = { png: 1, apng: 2, lottie: 3, gif: 4 } as const;
const EVENT_TEXT: Record<string, string> = {
  opened: 'opened the ticket.',
  assigned: 'assigned the ticket.',
  member_added: 'added a member to the ticket.',
  timer_paused: 'paused the inactivity timer.',
  timer_resumed: 'resumed the inactivity timer.',
};

function snowflakeAt(ms: number, sequence: number): string {
  return ((BigInt(ms) - 1_420_070_400_000n) * 4_194_304n + BigInt(sequence)).toString();
}

function construct<T>(type: unknown, args: unknown[]): T {
  return Reflect.construct(type as new (...a: unknown[]) => T, args);
}

function avatarHashOf(url: string | null): string | null {
  return url === null ? null : (/\/([0-9a-f]{32})\.png$/.exec(url)?.[1] ?? null);
}

export interface AnchorInput {
  client: Client;
  channel: TextChannel;
  messages: Message[];
}

export function discordObjectsFor(source: TranscriptSource): AnchorInput {
  const guildId = source.ticket.guildId;
  const channelId = source.ticket.threadId ?? guildId;
  const client = new Client({ intents: [] });
  const botUser = source.users.find((user) => user.bot);
  // Set by READY on a real login; reactions look up application emoji through it.
  client.application = construct<ClientApplication>(ClientApplication, [
    client,
    { id: botUser?.id ?? guildId, name: botUser?.name ?? 'bot', icon: null, description: '', flags: 0 },
  ]);
  const userPayload = (id: string): Payload => {
    const user = source.users.find((candidate) => candidate.id === id);
    return {
      id,
      username: (user?.name ?? 'unknown').toLowerCase().replace(/[^a-z0-9_.]/g, '_'),
      global_name: user?.name ?? null,
      discriminator: '0',
      avatar: avatarHashOf(user?.avatarUrl ?? null),
      bot: user?.bot ?? false,
    };
  };
  const roleOf = (color: number | null) => source.roles.find((role) => role.color === color);
  const guild = construct<Guild>(Guild, [
    client,
    {
      id: guildId,
      name: source.guildName,
      icon: null,
      owner_id: source.ticket.creatorId,
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: guildId,
          name: '@everyone',
          color: 0,
          colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
          position: 0,
          permissions: '0',
          hoist: false,
          managed: false,
          mentionable: false,
        },
        ...source.roles.map((role, index) => ({
          id: role.id,
          name: role.name,
          color: role.color ?? 0,
          colors: { primary_color: role.color ?? 0, secondary_color: null, tertiary_color: null },
          position: index + 1,
          permissions: '0',
          hoist: false,
          managed: false,
          mentionable: true,
        })),
      ],
    },
  ]);
  client.guilds.cache.set(guildId, guild);
  const channelPayload = {
    id: channelId,
    type: 0,
    guild_id: guildId,
    name: `ticket-${source.ticket.number}`,
    position: 0,
  };
  const channel = construct<TextChannel>(TextChannel, [guild, channelPayload, client]);
  guild.channels.cache.set(channelId, channel);
  client.channels.cache.set(channelId, channel);
  for (const other of source.channels) {
    const mentioned = construct<TextChannel>(TextChannel, [
      guild,
      { ...channelPayload, id: other.id, name: other.name },
      client,
    ]);
    guild.channels.cache.set(other.id, mentioned);
    client.channels.cache.set(other.id, mentioned);
  }
  for (const user of source.users)
    client.users.cache.set(user.id, construct<User>(User, [client, userPayload(user.id)]));

  const memberOf = (id: string): Payload => {
    const color = source.users.find((user) => user.id === id)?.roleColor ?? null;
    const role = color === null ? undefined : roleOf(color);
    return {
      roles: role ? [role.id] : [],
      joined_at: new Date(source.ticket.openedAt).toISOString(),
      deaf: false,
      mute: false,
    };
  };
  const base = (id: string, authorId: string, at: number): Payload => ({
    id,
    channel_id: channelId,
    guild_id: guildId,
    author: userPayload(authorId),
    member: memberOf(authorId),
    timestamp: new Date(at).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: 0,
  });

  const entries: { at: number; payload: Payload }[] = source.messages.map((message) => ({
    at: message.createdAt,
    payload: {
      ...base(message.id, message.authorId, message.createdAt),
      type: message.replyToId ? 19 : 0,
      content: message.content,
      edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
      mentions: [...message.content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => userPayload(match[1] as string)),
      mention_roles: [...message.content.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1]),
      attachments: message.attachments.map((attachment) => ({
        id: attachment.id,
        filename: attachment.filename,
        size: attachment.size,
        url: attachment.url,
        proxy_url: attachment.url.replace('cdn.discordapp.com', 'media.discordapp.net'),
        content_type: attachment.contentType,
        ...(attachment.contentType?.startsWith('image/') ? { width: 1280, height: 720 } : {}),
      })),
      embeds: (message.embeds ?? []).map((embed) => ({
        type: 'rich',
        title: embed.title ?? undefined,
        url: embed.url ?? undefined,
        description: embed.description ?? undefined,
        color: embed.color ?? undefined,
        fields: embed.fields ?? [],
        footer: embed.footer ? { text: embed.footer.text, icon_url: embed.footer.iconUrl ?? undefined } : undefined,
        timestamp: embed.timestamp ? new Date(embed.timestamp).toISOString() : undefined,
      })),
      reactions: (message.reactions ?? []).map((reaction) => ({
        count: reaction.count,
        count_details: { burst: 0, normal: reaction.count },
        me: false,
        me_burst: false,
        burst_colors: [],
        emoji: { id: reaction.emoji.id, name: reaction.emoji.name, animated: reaction.emoji.animated ?? false },
      })),
      sticker_items: (message.stickers ?? []).map((sticker) => ({
        id: sticker.id,
        name: sticker.name,
        format_type: STICKER_FORMAT_TYPES[sticker.format],
      })),
      ...(message.replyToId
        ? { message_reference: { type: 0, message_id: message.replyToId, channel_id: channelId, guild_id: guildId } }
        : {}),
    },
  }));
  const botId = botUser?.id ?? source.ticket.creatorId;
  source.events.forEach((event, index) => {
    const actor = source.users.find((user) => user.id === event.actorId)?.name ?? 'Ticketflow';
    entries.push({
      at: event.at,
      payload: {
        // discord.js dates a message by its id, so the id must carry the event's time.
        ...base(snowflakeAt(event.at, 4095 - (index % 64)), botId, event.at),
        type: 0,
        content: `**${actor}** ${EVENT_TEXT[event.kind] ?? event.kind}`,
        edited_timestamp: null,
        attachments: [],
        embeds: [],
      },
    });
  });
  entries.sort((a, b) => a.at - b.at);
  const messages = entries.map((entry) => construct<Message>(Message, [client, entry.payload]));
  return { client, channel, messages };
}
