import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, type SeededGuild, seedGuild } from '../../sandbox/discord/index.ts';
import type { GuildDirectory } from '../../store/guild-directory.ts';
import { createRestGuildDirectory } from '../../store/rest-guild-directory.ts';

/** The directory a writer without a gateway uses (the web process, the demo seeding), against the local Discord. */
describe('REST guild directory', () => {
  let sandbox: DiscordSandbox;
  let ours: SeededGuild;
  let theirs: SeededGuild;
  let directory: GuildDirectory;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    const seed = { botUserId: sandbox.bot.userId, roles: [{ name: 'Staff' }], textChannels: ['tickets'] };
    ours = seedGuild(sandbox.state, seed);
    theirs = seedGuild(sandbox.state, seed);
    directory = createRestGuildDirectory({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
  });
  afterAll(() => sandbox?.close());

  const tickets = (guild: SeededGuild) => {
    const channel = guild.channels.get('tickets');
    if (!channel) throw new Error('the seed has no #tickets');
    return channel;
  };
  const channel = (guild: SeededGuild) => tickets(guild).id;
  const role = (guild: SeededGuild) => guild.roles.get('Staff')?.id ?? '';

  it("answers the guild's own channels with their type, and no other guild's", async () => {
    expect(await directory.channelType(ours.guild.id, channel(ours))).toBe(ChannelType.GuildText);
    expect(await directory.channelType(ours.guild.id, channel(theirs))).toBeNull();
    const thread = sandbox.state.createThread({
      parent: tickets(ours),
      name: 'a-ticket',
      type: ChannelType.PrivateThread,
      invitable: false,
      autoArchiveDuration: 10080,
      ownerId: sandbox.bot.userId,
    });
    // A thread is not a channel a setting may name; Discord lists threads elsewhere.
    expect(await directory.channelType(ours.guild.id, thread.id)).toBeNull();
  });

  it("answers the guild's own roles, @everyone among them, and no other guild's", async () => {
    expect(await directory.hasRole(ours.guild.id, role(ours))).toBe(true);
    expect(await directory.hasRole(ours.guild.id, ours.guild.id)).toBe(true);
    expect(await directory.hasRole(ours.guild.id, role(theirs))).toBe(false);
  });
});
