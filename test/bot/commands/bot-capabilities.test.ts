import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logFailure } from '../../../bot/replies.ts';
import type { GuildConfigInput } from '../../../domain/guild-config.ts';
import { translate } from '../../../i18n/translate.ts';
import { TICKET_BOT_PERMISSIONS } from '../../../sandbox/discord/seed.ts';
import { permissiveGuildDirectory } from '../../support/guild-directory.ts';
import { eventually } from '../../support/ticket-harness.ts';
import { type CommandWorld, startCommandWorld } from './command-world.ts';

// The bot's log lines, as it hands them to its logger, whatever the logger does with them.
vi.mock('../../../bot/replies.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../bot/replies.ts')>();
  return { ...actual, logFailure: vi.fn(actual.logFailure) };
});

/**
 * What the bot may do where a guild's configuration points it, checked against the local Discord's real permission
 * model: `/ticket-config show` tells admins, and the log names what is missing when the bot joins a guild.
 */
let world: CommandWorld;
/** What the bot logged while it started: Vitest clears recorded calls before each test. */
let loggedOnStart: string[];

beforeAll(async () => {
  world = await startCommandWorld();
  const asked = () =>
    world.sandbox.state.requestLog.some((entry) => entry.method === 'GET' && entry.path === '/applications/@me');
  await eventually(() => expect(asked()).toBe(true));
  // The answer is logged, if at all, right after it comes.
  await new Promise((resolve) => setTimeout(resolve, 200));
  loggedOnStart = vi.mocked(logFailure).mock.calls.map(([what]) => what);
});

afterAll(async () => {
  await world?.stop();
});

const ticketType = { key: 'support', name: 'Support' };

async function saveConfig(guildId: string, config: Omit<GuildConfigInput, 'ticketTypes'>): Promise<void> {
  await world.context.guildConfigs.saveGuildConfig(guildId, permissiveGuildDirectory, {
    ...config,
    ticketTypes: [ticketType],
  });
}

async function capabilitiesShown(): Promise<string> {
  const { reply } = await world.ticketConfig('ada', { subcommand: 'show' });
  expect(reply.embeds[1]?.title).toBe('What the bot may do here');
  return reply.embeds[1]?.description ?? '';
}

describe('what the bot may do, as /ticket-config show reports it', () => {
  it('says nothing is missing when the bot has every permission and can mention every role it names', async () => {
    await saveConfig(world.guildId, {
      ticketChannelId: world.channel('tickets').id,
      historiesChannelId: world.channel('histories').id,
      staffRoleIds: [world.role('Alerts').id],
    });
    expect(await capabilitiesShown()).toBe(translate('en', 'diagnostics.nothingMissing'));
  });

  it('names each missing permission, where, and what it breaks', async () => {
    // The bot may not create threads in one channel nor post in the other, and holds no Mention All Roles, while
    // the staff role is not mentionable.
    await saveConfig(world.guildId, {
      ticketChannelId: world.noThreads.id,
      historiesChannelId: world.readOnly.id,
      staffRoleIds: [world.role('Staff').id],
    });
    const staff = `<@&${world.role('Staff').id}>`;
    expect((await capabilitiesShown()).split('\n')).toEqual([
      `Missing: Create Private Threads in <#${world.noThreads.id}> — no ticket can be opened`,
      `Missing: Send Messages in <#${world.readOnly.id}> — closed-ticket summaries are not posted`,
      `Missing: Mention All Roles in <#${world.noThreads.id}>, or ${staff} made mentionable — members of ${staff} are not added to new tickets`,
    ]);
  });

  it('names a configured channel that was deleted', async () => {
    const reminders = world.sandbox.state.createTextChannel(world.guildId, { name: 'reminders' });
    await saveConfig(world.guildId, {
      ticketChannelId: world.channel('tickets').id,
      remindersChannelId: reminders.id,
      staffRoleIds: [world.role('Alerts').id],
    });
    world.sandbox.state.deleteChannel(reminders.id);
    await eventually(() => expect(world.bot.channels.cache.has(reminders.id)).toBe(false));
    expect(await capabilitiesShown()).toBe(
      `Missing: the reminders channel <#${reminders.id}>, deleted or hidden from the bot — reminders about open tickets are not posted`,
    );
  });
});

describe('what the bot may do, as its log reports it', () => {
  it('reads the application flags on start, and logs nothing about intents Discord grants', () => {
    expect(loggedOnStart).not.toContain('the application lacks what tickets need');
  });

  it('logs what it lacks in a guild it joins, naming the guild, the channel and the permission', async () => {
    const { state } = world.sandbox;
    const botUserId = world.sandbox.bot.userId;
    const owner = state.createUser({ username: 'second-owner' });
    const guild = state.createGuild({ name: 'Second Guild', ownerId: owner.id });
    const botRole = state.createRole(guild.id, {
      name: 'Ticket bot',
      permissions: (TICKET_BOT_PERMISSIONS & ~PermissionFlagsBits.MentionEveryone).toString(),
    });
    const helpers = state.createRole(guild.id, { name: 'Helpers' });
    const help = state.createTextChannel(guild.id, {
      name: 'help',
      permissionOverwrites: [
        { id: botUserId, type: 1, allow: '0', deny: PermissionFlagsBits.ManageThreads.toString() },
      ],
    });
    await saveConfig(guild.id, { ticketChannelId: help.id, staffRoleIds: [helpers.id] });

    state.addMember(guild.id, botUserId, { roleIds: [botRole.id] });
    const about = `guild "Second Guild" (${guild.id}) lacks what tickets need`;
    const logged = await eventually(() => {
      const lines = vi
        .mocked(logFailure)
        .mock.calls.filter(([what]) => what === about)
        .map(([, line]) => line);
      expect(lines).toHaveLength(2);
      return lines;
    });
    expect(logged).toEqual([
      `Missing: Manage Threads in #help (${help.id}) — closed tickets cannot be locked`,
      `Missing: Mention All Roles in #help (${help.id}), or @Helpers (${helpers.id}) made mentionable — members of @Helpers (${helpers.id}) are not added to new tickets`,
    ]);
  });
});
