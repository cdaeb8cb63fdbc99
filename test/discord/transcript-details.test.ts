import type { REST } from '@discordjs/rest';
import { ApplicationFailure } from '@temporalio/common';
import {
  type APIGuildMember,
  type APIRole,
  type APIUser,
  type GuildMemberFlags,
  MessageType,
  StickerFormatType,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordRest, DiscordFailure } from '../../activities/discord/index.ts';
import {
  fetchGuildDirectory,
  fetchMemberProfiles,
  fetchThreadHistory,
} from '../../activities/discord/transcript-details/index.ts';
import { memberProfile, roleColorOf } from '../../activities/discord/transcript-details/member-profile.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { linkExpiry } from '../../sandbox/discord/state/attachment-urls.ts';
import { discordActivities, seedTicketGuild } from './discord-fixture.ts';

const DAY_MS = 24 * 3600_000;

describe('what Discord tells a transcript', () => {
  let sandbox: DiscordSandbox;
  let rest: REST;
  /** Added to the real clock, so a test can jump days ahead while rate-limit windows still turn over. */
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox({ now });
    rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
  });
  afterAll(() => sandbox.close());

  async function ticketThread() {
    const guild = seedTicketGuild(sandbox);
    const { threadId } = await discordActivities(sandbox).createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name: 'ticket-0001',
    });
    const thread = sandbox.state.channels.get(threadId);
    if (!thread) throw new Error('no thread');
    return { guild, thread };
  }

  describe('the guild directory', () => {
    it('has the guild name, every role with its colour, and the channels but not threads', async () => {
      const { guild, thread } = await ticketThread();
      sandbox.state.createRole(guild.guild.id, { name: 'Gold', color: 0xf1c40f });

      const directory = await fetchGuildDirectory(rest, guild.guild.id);

      expect(directory?.name).toBe('Ticketflow Test');
      expect(directory?.roles).toEqual(
        expect.arrayContaining([
          { id: guild.guild.id, name: '@everyone', color: null },
          { id: guild.role('Staff').id, name: 'Staff', color: null },
          expect.objectContaining({ name: 'Gold', color: 0xf1c40f }),
        ]),
      );
      expect(directory?.channels).toEqual([
        { id: guild.channel('tickets').id, name: 'tickets' },
        { id: guild.channel('ticket-history').id, name: 'ticket-history' },
      ]);
      expect(directory?.channels.map((channel) => channel.id)).not.toContain(thread.id);
    });

    it('is null when the bot is no longer in the guild, or the guild is gone', async () => {
      const { guild } = await ticketThread();
      sandbox.state.removeMember(guild.guild.id, sandbox.bot.userId);
      expect(await fetchGuildDirectory(rest, guild.guild.id)).toBeNull();
      expect(await fetchGuildDirectory(rest, '1234567890123456789')).toBeNull();
    });
  });

  describe('member profiles', () => {
    it('show nickname or global name, and the colour of the highest coloured role', async () => {
      const { guild } = await ticketThread();
      const state = sandbox.state;
      const red = state.createRole(guild.guild.id, { name: 'Red', color: 0xff0000 });
      const blue = state.createRole(guild.guild.id, { name: 'Blue', color: 0x0000ff });
      const plain = state.createRole(guild.guild.id, { name: 'Plain' });
      const nina = state.createUser({ username: 'nina', globalName: 'Nina N' });
      state.addMember(guild.guild.id, nina.id, { roleIds: [red.id, blue.id, plain.id], nick: 'Nina (support)' });
      const omar = state.createUser({ username: 'omar', globalName: 'Omar O' });
      state.addMember(guild.guild.id, omar.id, { roleIds: [red.id] });
      const left = state.createUser({ username: 'gone' });
      const directory = await fetchGuildDirectory(rest, guild.guild.id);
      if (!directory) throw new Error('guild did not answer');

      const profiles = await fetchMemberProfiles(rest, directory, [
        nina.id,
        omar.id,
        guild.user('helperbot').id,
        left.id,
      ]);

      // Plain (highest, colour 0) has no colour; Blue was created after Red, so it sits higher.
      expect(profiles.get(nina.id)).toEqual({
        id: nina.id,
        name: 'Nina (support)',
        avatarUrl: null,
        roleColor: 0x0000ff,
        bot: false,
      });
      expect(profiles.get(omar.id)).toMatchObject({ name: 'Omar O', roleColor: 0xff0000 });
      expect(profiles.get(guild.user('helperbot').id)).toMatchObject({ name: 'helperbot', roleColor: null, bot: true });
      expect(profiles.has(left.id)).toBe(false);
    });

    it('use the guild avatar first, then the user avatar, as static PNGs from the CDN', () => {
      const user: APIUser = {
        id: '200000000000000001',
        username: 'kim',
        discriminator: '0',
        global_name: null,
        avatar: 'a_1234abcd',
      };
      const member: APIGuildMember & { user: APIUser } = {
        user,
        nick: null,
        avatar: null,
        roles: [],
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0 as GuildMemberFlags,
      };
      const guildId = '100000000000000001';
      expect(memberProfile(guildId, member, new Map()).avatarUrl).toBe(
        'https://cdn.discordapp.com/avatars/200000000000000001/a_1234abcd.png?size=128',
      );
      expect(memberProfile(guildId, { ...member, avatar: 'cafe' }, new Map()).avatarUrl).toBe(
        'https://cdn.discordapp.com/guilds/100000000000000001/users/200000000000000001/avatars/cafe.png?size=128',
      );
      expect(memberProfile(guildId, { ...member, user: { ...user, avatar: null } }, new Map()).avatarUrl).toBeNull();
    });

    it('break a tie of positions in favour of the older role', () => {
      const role = (id: string, color: number): APIRole =>
        ({ id, name: id, color, position: 3, permissions: '0' }) as APIRole;
      const roles = new Map([
        ['300000000000000002', role('300000000000000002', 0x222222)],
        ['300000000000000001', role('300000000000000001', 0x111111)],
      ]);
      expect(roleColorOf(['300000000000000002', '300000000000000001'], roles)).toBe(0x111111);
    });
  });

  describe('the thread history', () => {
    it('reads every page, oldest first, and leaves out Discord system messages', async () => {
      const { guild, thread } = await ticketThread();
      await discordActivities(sandbox).addThreadMembers({ threadId: thread.id, userIds: [guild.user('alice').id] });
      const alice = guild.user('alice').id;
      const sent = Array.from(
        { length: 250 },
        (_, index) => sandbox.state.createMessage(thread, alice, { content: `message ${index}` }).message.id,
      );
      const start = sandbox.state.requestLog.length;

      const history = await fetchThreadHistory(rest, thread.id);

      expect(history?.messages.map((message) => message.id)).toEqual(sent);
      expect(history?.truncated).toBe(false);
      const recipientAdd = sandbox.state.messagesIn(thread.id).find((m) => m.type === MessageType.RecipientAdd);
      expect(history?.systemMessageIds).toEqual(new Set([recipientAdd?.id]));
      const pages = sandbox.state.requestLog.slice(start);
      expect(pages.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['GET 200', 'GET 200', 'GET 200']);
    });

    it('stops at the cap and says so', async () => {
      const { guild, thread } = await ticketThread();
      const alice = guild.user('alice').id;
      const sent = Array.from(
        { length: 130 },
        (_, index) => sandbox.state.createMessage(thread, alice, { content: `m${index}` }).message.id,
      );
      const history = await fetchThreadHistory(rest, thread.id, 120);
      expect(history?.messages.map((message) => message.id)).toEqual(sent.slice(0, 120));
      expect(history?.truncated).toBe(true);
    });

    it('carries fresh attachment links, embeds, replies, stickers and reactions', async () => {
      const { guild, thread } = await ticketThread();
      const state = sandbox.state;
      const alice = guild.user('alice');
      const sam = guild.user('sam');
      const question = state.createMessage(thread, alice.id, {
        content: `Here is the error <@${sam.id}>`,
        attachments: [{ filename: 'error.png', size: 2048, contentType: 'image/png', width: 64 }],
      }).message;
      const storedLink = question.attachments[0]?.url ?? '';
      state.addReaction(thread.id, question.id, { id: null, name: '👍' });
      state.addReaction(thread.id, question.id, { id: null, name: '👍' });
      state.addReaction(thread.id, question.id, { id: '400000000000000001', name: 'blobwave', animated: true });
      const answer = state.createMessage(thread, sam.id, {
        content: 'Fixed in the next release.',
        replyToId: question.id,
        stickerItems: [{ id: '500000000000000001', name: 'thumbsup', format_type: StickerFormatType.PNG }],
      }).message;
      state.createMessage(thread, guild.user('helperbot').id, {
        embeds: [
          {
            title: 'Release 2.1',
            url: 'https://example.com/releases/2.1',
            description: 'Fixes the error',
            color: 0x00ff00,
            timestamp: '2026-01-05T10:00:00.000Z',
            fields: [{ name: 'Version', value: '2.1', inline: true }],
            footer: { text: 'Changelog' },
            image: {
              url: 'https://example.com/banner.png',
              proxy_url: 'https://media.discordapp.net/external/abc/https/example.com/banner.png',
            },
          },
          { type: undefined },
        ],
      });
      offsetMs += 7 * DAY_MS;

      const history = await fetchThreadHistory(rest, thread.id);
      const [first, second, third] = history?.messages ?? [];

      const link = first?.attachments[0]?.url ?? '';
      expect(link).not.toBe(storedLink);
      expect(new URL(link).pathname).toBe(new URL(storedLink).pathname);
      expect(new URL(link).hostname).toBe('cdn.discordapp.com');
      expect(linkExpiry(storedLink)).toBeLessThan(now());
      expect(linkExpiry(link)).toBeGreaterThan(now());
      expect(first).toMatchObject({
        authorName: 'alice',
        attachments: [{ filename: 'error.png', size: 2048, contentType: 'image/png' }],
        reactions: [
          { emoji: { id: null, name: '👍', animated: false }, count: 2 },
          { emoji: { id: '400000000000000001', name: 'blobwave', animated: true }, count: 1 },
        ],
        replyToId: null,
      });
      expect(second).toMatchObject({
        id: answer.id,
        replyToId: question.id,
        stickers: [{ id: '500000000000000001', name: 'thumbsup', format: 'png' }],
      });
      // The empty second embed shows nothing and is left out.
      expect(third?.embeds).toEqual([
        {
          title: 'Release 2.1',
          url: 'https://example.com/releases/2.1',
          description: 'Fixes the error',
          color: 0x00ff00,
          author: null,
          fields: [{ name: 'Version', value: '2.1', inline: true }],
          footer: { text: 'Changelog', iconUrl: null },
          timestamp: Date.UTC(2026, 0, 5, 10),
          imageUrl: 'https://media.discordapp.net/external/abc/https/example.com/banner.png',
          thumbnailUrl: null,
        },
      ]);
      expect(third?.authorIsBot).toBe(true);
      expect(history?.users.get(sam.id)?.username).toBe('sam');
    });

    it('is null when the thread was deleted, or the bot can no longer read it', async () => {
      const deleted = await ticketThread();
      sandbox.state.deleteChannel(deleted.thread.id);
      expect(await fetchThreadHistory(rest, deleted.thread.id)).toBeNull();

      const { guild, thread } = await ticketThread();
      sandbox.state.createMessage(thread, guild.user('alice').id, { content: 'hello' });
      sandbox.state.removeMember(guild.guild.id, sandbox.bot.userId);
      expect(await fetchThreadHistory(rest, thread.id)).toBeNull();
    });

    it('fails retryably when Discord has a transient fault, so the activity tries again', async () => {
      const { thread } = await ticketThread();
      sandbox.state.faults.inject({ route: 'GET /channels/:id/messages', status: 503 });
      const error = await fetchThreadHistory(rest, thread.id).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).type).toBe(DiscordFailure.ServerError);
      expect((error as ApplicationFailure).nonRetryable).toBe(false);
      expect(await fetchThreadHistory(rest, thread.id)).toMatchObject({ messages: [] });
    });

    it('fails retryably when the token is refused, since a fixed token makes the retry succeed', async () => {
      const { thread } = await ticketThread();
      const revoked = createDiscordRest({ token: 'revoked.token.value', apiBaseUrl: sandbox.apiBaseUrl });
      const error = await fetchThreadHistory(revoked, thread.id).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect((error as ApplicationFailure).type).toBe(DiscordFailure.Unauthorized);
      expect((error as ApplicationFailure).nonRetryable).toBe(false);
    });
  });
});
