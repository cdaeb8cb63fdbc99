import { once } from 'node:events';
import { ChannelType, Client, Events, GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayGuildDirectory } from '../../bot/gateway-guild-directory.ts';
import { createDiscordSandbox, type DiscordSandbox, type SeededGuild, seedGuild } from '../../sandbox/discord/index.ts';
import type { GuildDirectory } from '../../store/guild-directory.ts';
import { newSnowflake } from '../database/ticket-fixtures.ts';

/** The directory the bot hands the store: its gateway cache, and Discord itself on a miss. */
describe('gateway guild directory', () => {
  let sandbox: DiscordSandbox;
  let bot: Client;
  let ours: SeededGuild;
  let theirs: SeededGuild;
  let directory: GuildDirectory;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    const seed = { botUserId: sandbox.bot.userId, roles: [{ name: 'Staff' }], textChannels: ['tickets'] };
    ours = seedGuild(sandbox.state, seed);
    theirs = seedGuild(sandbox.state, seed);
    bot = new Client({ intents: [GatewayIntentBits.Guilds], ...sandbox.clientOptions() });
    const ready = once(bot, Events.ClientReady);
    await bot.login(sandbox.bot.token);
    await ready;
    directory = gatewayGuildDirectory(bot);
  });
  afterAll(async () => {
    await bot?.destroy();
    await sandbox?.close();
  });

  const channel = (guild: SeededGuild) => guild.channels.get('tickets')?.id ?? '';
  const role = (guild: SeededGuild) => guild.roles.get('Staff')?.id ?? '';

  it("answers the guild's own channels with their type, and no other guild's or unknown ones", async () => {
    expect(await directory.channelType(ours.guild.id, channel(ours))).toBe(ChannelType.GuildText);
    expect(await directory.channelType(ours.guild.id, channel(theirs))).toBeNull();
    expect(await directory.channelType(ours.guild.id, newSnowflake())).toBeNull();
  });

  it("answers the guild's own roles, @everyone among them, and no other guild's", async () => {
    expect(await directory.hasRole(ours.guild.id, role(ours))).toBe(true);
    expect(await directory.hasRole(ours.guild.id, ours.guild.id)).toBe(true);
    expect(await directory.hasRole(ours.guild.id, role(theirs))).toBe(false);
  });
});
