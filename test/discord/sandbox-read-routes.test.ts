import {
  type APIGuild,
  type APIMessage,
  ChannelType,
  MessageType,
  type RESTGetAPIGuildChannelsResult,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { linkExpiry } from '../../sandbox/discord/state/attachment-urls.ts';
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** The read routes a transcript uses, checked with plain fetch: what any Discord client would see. */
describe('Discord sandbox read routes', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let offsetMs = 0;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox({ now: () => Date.now() + offsetMs });
    guild = seedTicketGuild(sandbox);
  });
  afterAll(() => sandbox.close());

  async function get<Body = unknown>(path: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
      headers: { Authorization: `Bot ${sandbox.bot.token}` },
    });
    return { status: response.status, body: (await response.json()) as Body };
  }
  const privateThread = (name: string) => {
    const state = sandbox.state;
    return state.createThread({
      parent: guild.channel('tickets'),
      name,
      type: ChannelType.PrivateThread,
      invitable: false,
      autoArchiveDuration: 10080,
      ownerId: sandbox.bot.userId,
    });
  };

  it('GET /guilds/{id} answers the guild with its roles, or 10004 / 50001', async () => {
    const answer = await get<APIGuild>(`/guilds/${guild.guild.id}?with_counts=true`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: guild.guild.id,
      name: 'Ticketflow Test',
      owner_id: guild.owner.id,
      icon: null,
      features: [],
      emojis: [],
      stickers: [],
      preferred_locale: 'en-US',
      approximate_member_count: 6,
    });
    expect(answer.body.roles.map((role) => [role.name, role.position])).toEqual([
      ['@everyone', 0],
      // The bot's own role, as its invite grants it.
      ['Ticketflow', 1],
      ['Staff', 2],
      ['Moderators', 3],
      ['Ticket alerts', 4],
      ['Regulars', 5],
    ]);
    expect((await get('/guilds/1234567890123456789')).body).toEqual({ code: 10004, message: 'Unknown Guild' });
    const elsewhere = sandbox.state.createGuild({ name: 'Elsewhere', ownerId: guild.owner.id });
    expect(await get(`/guilds/${elsewhere.id}`)).toEqual({
      status: 403,
      body: { code: 50001, message: 'Missing Access' },
    });
  });

  it('GET /guilds/{id}/channels lists channels without threads', async () => {
    privateThread('not-listed');
    const answer = await get<RESTGetAPIGuildChannelsResult>(`/guilds/${guild.guild.id}/channels`);
    expect(answer.body.map((channel) => [channel.name, channel.type])).toEqual([
      ['tickets', ChannelType.GuildText],
      ['ticket-history', ChannelType.GuildText],
    ]);
  });

  it('GET /guilds/{id}/members/{user} answers the member, or 10007 Unknown Member', async () => {
    const mia = guild.user('mia');
    const answer = await get(`/guilds/${guild.guild.id}/members/${mia.id}`);
    expect(answer.body).toMatchObject({
      user: { id: mia.id, username: 'mia', avatar: null },
      nick: null,
      avatar: null,
      roles: [guild.role('Moderators').id, guild.role('Regulars').id],
    });
    const stranger = sandbox.state.createUser({ username: 'stranger' });
    for (const id of [stranger.id, '1234567890123456789']) {
      expect(await get(`/guilds/${guild.guild.id}/members/${id}`)).toEqual({
        status: 404,
        body: { code: 10007, message: 'Unknown Member' },
      });
    }
  });

  describe('GET /channels/{id}/messages', () => {
    it('pages newest first with before, after and around, 50 by default', async () => {
      const thread = privateThread('paging');
      const alice = guild.user('alice').id;
      const ids = Array.from(
        { length: 60 },
        (_, index) => sandbox.state.createMessage(thread, alice, { content: `m${index}` }).message.id,
      );
      const page = async (query: string) =>
        (await get<APIMessage[]>(`/channels/${thread.id}/messages${query}`)).body.map((m) => ids.indexOf(m.id));
      const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => to - i);

      expect(await page('')).toEqual(range(10, 59));
      expect(await page('?limit=3')).toEqual([59, 58, 57]);
      expect(await page(`?limit=3&before=${ids[10]}`)).toEqual([9, 8, 7]);
      expect(await page(`?limit=3&after=${ids[10]}`)).toEqual([13, 12, 11]);
      expect(await page(`?limit=3&after=0`)).toEqual([2, 1, 0]);
      expect(await page(`?limit=4&around=${ids[10]}`)).toEqual([11, 10, 9, 8]);
      expect(await page(`?limit=1&around=${ids[10]}`)).toEqual([10]);
    });

    it('refuses a limit outside 1 to 100 with Invalid Form Body', async () => {
      const thread = privateThread('limits');
      for (const limit of [0, 101]) {
        const answer = await get(`/channels/${thread.id}/messages?limit=${limit}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 50035, errors: { limit: { _errors: [expect.any(Object)] } } });
      }
    });

    it('answers 10003 for an unknown channel and 50001 for a private thread the bot is not in', async () => {
      expect(await get('/channels/1234567890123456789/messages')).toEqual({
        status: 404,
        body: { code: 10003, message: 'Unknown Channel' },
      });
      const thread = sandbox.state.createThread({
        parent: guild.channel('tickets'),
        name: 'someone-elses',
        type: ChannelType.PrivateThread,
        invitable: false,
        autoArchiveDuration: 10080,
        ownerId: guild.user('alice').id,
      });
      // Without its role the bot has @everyone's rights only, which do not include Manage Threads.
      const botMember = sandbox.state.member(guild.guild.id, sandbox.bot.userId);
      botMember?.roleIds.splice(0);
      expect(await get(`/channels/${thread.id}/messages`)).toEqual({
        status: 403,
        body: { code: 50001, message: 'Missing Access' },
      });
      // Manage Threads (or Administrator) opens every private thread.
      const managers = sandbox.state.createRole(guild.guild.id, {
        name: 'Thread managers',
        permissions: String(1n << 34n),
      });
      sandbox.state.member(guild.guild.id, sandbox.bot.userId)?.roleIds.push(managers.id);
      expect((await get(`/channels/${thread.id}/messages`)).status).toBe(200);
    });

    it('signs attachment links afresh on every answer, and shows what a reply answers as it is now', async () => {
      const thread = privateThread('files');
      const alice = guild.user('alice').id;
      const question = sandbox.state.createMessage(thread, alice, {
        content: 'see file',
        attachments: [{ filename: 'log file.txt', size: 10, contentType: 'text/plain' }],
      }).message;
      sandbox.state.createMessage(thread, guild.user('sam').id, { content: 'on it', replyToId: question.id });
      sandbox.state.editMessage(thread.id, question.id, { content: 'see the file' });
      const created = question.attachments[0];
      offsetMs += 3 * 24 * 3600_000;

      const [reply, original] = (await get<APIMessage[]>(`/channels/${thread.id}/messages`)).body;
      const shown = original?.attachments[0];
      if (!reply || !shown) throw new Error('expected a reply and a message with a file');

      expect(shown).toMatchObject({
        id: created?.id,
        filename: 'log file.txt',
        size: 10,
        content_type: 'text/plain',
      });
      expect(new URL(shown.url).pathname).toBe(`/attachments/${thread.id}/${created?.id}/log%20file.txt`);
      expect(linkExpiry(created?.url ?? '')).toBeLessThan(Date.now() + offsetMs);
      expect(linkExpiry(shown.url)).toBeGreaterThan(Date.now() + offsetMs);
      expect(new URL(shown.proxy_url).hostname).toBe('media.discordapp.net');
      expect(original?.edited_timestamp).not.toBeNull();
      expect(reply).toMatchObject({
        type: MessageType.Reply,
        message_reference: { type: 0, message_id: question.id, channel_id: thread.id, guild_id: guild.guild.id },
        referenced_message: { id: question.id, content: 'see the file' },
      });
    });
  });

  it('keeps attachments, replies, reactions and stickers across a snapshot, and forgets deletions', () => {
    const state = sandbox.state;
    const thread = privateThread('snapshot');
    const alice = guild.user('alice').id;
    const first = state.createMessage(thread, alice, {
      content: 'first',
      attachments: [{ filename: 'a.png', size: 5, contentType: 'image/png', width: 8 }],
      stickerItems: [{ id: '500000000000000001', name: 'wave', format_type: 1 }],
    }).message;
    state.addReaction(thread.id, first.id, { id: null, name: '✅' });
    const second = state.createMessage(thread, alice, { content: 'second', replyToId: first.id }).message;
    const doomed = state.createMessage(thread, alice, { content: 'doomed' }).message;
    state.deleteMessage(thread.id, doomed.id);
    state.removeMember(guild.guild.id, guild.user('mia').id);

    const restored = new DiscordState({ restoreFrom: state.snapshot() });

    expect(restored.messagesPage(thread.id, { limit: 10 })).toEqual([second, first]);
    expect(restored.member(guild.guild.id, guild.user('mia').id)).toBeUndefined();
    state.deleteChannel(thread.id);
    const afterDelete = new DiscordState({ restoreFrom: state.snapshot() });
    expect(afterDelete.channels.has(thread.id)).toBe(false);
    expect(afterDelete.messagesIn(thread.id)).toEqual([]);
  });
});
