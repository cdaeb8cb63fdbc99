import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayGuildDirectory } from '../../bot/gateway-guild-directory.ts';
import { createDiscordSandbox, type DiscordSandbox, type SeededGuild, seedGuild } from '../../sandbox/discord/index.ts';
import type { GuildDirectory } from '../../store/guild-directory.ts';
import { createRestGuildDirectory } from '../../store/rest-guild-directory.ts';
import { newSnowflake } from '../database/ticket-fixtures.ts';

/**
 * The guild directories the store's check asks, against the local Discord with one bot in two guilds: the bot's,
 * from its gateway cache (Discord on a miss), and the REST one writers without a gateway use. They answer alike.
 */
describe('guild directories', () => {
  let sandbox: DiscordSandbox;
  let bot: Client;
  let ours: SeededGuild;
  let theirs: SeededGuild;
  const directories: Record<string, GuildDirectory> = {};

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    const seed = { botUserId: sandbox.bot.userId, roles: [{ name: 'Staff' }], textChannels: ['tickets'] };
    ours = seedGuild(sandbox.state, seed);
    theirs = seedGuild(sandbox.state, seed);
    bot = new Client({ intents: [GatewayIntentBits.Guilds], ...sandbox.clientOptions() });
    const ready = once(bot, Events.ClientReady);
    await bot.login(sandbox.bot.token);
    await ready;
    directories.gateway = gatewayGuildDirectory(bot);
    directories.rest = createRestGuildDirectory({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
  });
  afterAll(async () => {
    await bot?.destroy();
    await sandbox?.close();
  });

  const tickets = (guild: SeededGuild) => {
    const channel = guild.channels.get('tickets');
    if (!channel) throw new Error('the seed has no #tickets');
    return channel;
  };
  const staff = (guild: SeededGuild) => guild.roles.get('Staff')?.id ?? '';

  describe.each(['gateway', 'rest'])('%s', (name) => {
    const directory = (): GuildDirectory => {
      const started = directories[name];
      if (!started) throw new Error(`no ${name} directory: beforeAll failed`);
      return started;
    };

    it("answers the guild's own text channel, and no other guild's or unknown channel", async () => {
      expect(await directory().channelType(ours.guild.id, tickets(ours).id)).toBe(ChannelType.GuildText);
      expect(await directory().channelType(ours.guild.id, tickets(theirs).id)).toBeNull();
      expect(await directory().channelType(ours.guild.id, newSnowflake())).toBeNull();
    });

    it('does not take a thread for a text channel', async () => {
      const thread = sandbox.state.createThread({
        parent: tickets(ours),
        name: `a-ticket-${name}`,
        type: ChannelType.PrivateThread,
        invitable: false,
        autoArchiveDuration: 10080,
        ownerId: sandbox.bot.userId,
      });
      expect(await directory().channelType(ours.guild.id, thread.id)).not.toBe(ChannelType.GuildText);
    });

    it("answers the guild's own roles, @everyone among them, and no other guild's", async () => {
      expect(await directory().hasRole(ours.guild.id, staff(ours))).toBe(true);
      expect(await directory().hasRole(ours.guild.id, ours.guild.id)).toBe(true);
      expect(await directory().hasRole(ours.guild.id, staff(theirs))).toBe(false);
    });
  });

  describe("rest, kept for a while (the panel's pickers)", () => {
    it("lists the guild's channels and roles with one request each, and reads again only for an id it lacks", async () => {
      let clock = 0;
      const kept = createRestGuildDirectory({
        token: sandbox.bot.token,
        apiBaseUrl: sandbox.apiBaseUrl,
        maxAgeMs: 15_000,
        now: () => clock,
      });
      const requests = () =>
        sandbox.state.requestLog.filter((entry) => entry.path.startsWith(`/guilds/${ours.guild.id}`)).length;
      const before = requests();

      const [channels, roles] = await Promise.all([kept.channels(ours.guild.id), kept.roles(ours.guild.id)]);
      expect(channels.find((channel) => channel.id === tickets(ours).id)).toMatchObject({
        name: 'tickets',
        type: ChannelType.GuildText,
      });
      expect(roles.map((role) => role.id)).toEqual(expect.arrayContaining([staff(ours), ours.guild.id]));
      expect(requests() - before).toBe(2);

      // Kept: the checks and the pickers answer from the reads already made.
      expect(await kept.channelType(ours.guild.id, tickets(ours).id)).toBe(ChannelType.GuildText);
      expect(await kept.hasRole(ours.guild.id, staff(ours))).toBe(true);
      await kept.channels(ours.guild.id);
      expect(requests() - before).toBe(2);

      // An id the kept read lacks (another guild's here; a channel made a moment ago elsewhere) is looked up afresh once.
      expect(await kept.channelType(ours.guild.id, tickets(theirs).id)).toBeNull();
      expect(await kept.hasRole(ours.guild.id, staff(theirs))).toBe(false);
      expect(requests() - before).toBe(4);

      clock += 15_000;
      await kept.roles(ours.guild.id);
      expect(requests() - before).toBe(5);
    });
  });
});
