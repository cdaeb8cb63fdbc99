import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfigInput } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { GuildConfigError } from '../../store/guild-config-error.ts';
import { createGuildConfigRepository, type GuildConfigRepository } from '../../store/guild-config-repository.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { fixtureGuildDirectory, permissiveGuildDirectory } from '../support/guild-directory.ts';

let database: TestDatabase;
let guilds: GuildConfigRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  guilds = createGuildConfigRepository(database.prisma, DEFAULT_PLANS);
});

afterAll(async () => {
  await database?.cleanup();
});

async function guildRows(guildId: string) {
  const [guild, staffRoles, blocked, types, questions, counter] = await Promise.all([
    database.prisma.guild.findUnique({ where: { id: guildId } }),
    database.prisma.guildStaffRole.findMany({ where: { guildId }, orderBy: { roleId: 'asc' } }),
    database.prisma.guildBlockedUser.findMany({ where: { guildId }, orderBy: { userId: 'asc' } }),
    database.prisma.ticketType.findMany({ where: { guildId }, orderBy: { position: 'asc' } }),
    database.prisma.ticketQuestion.findMany({ where: { guildId }, orderBy: [{ typeKey: 'asc' }, { position: 'asc' }] }),
    database.prisma.guildTicketCounter.findUnique({ where: { guildId } }),
  ]);
  return { guild, staffRoles, blocked, types, questions, counter };
}

describe('guild config repository', () => {
  it('saves a configuration and loads it back with the defaults filled in', async () => {
    const guildId = newSnowflake();
    const input = guildConfigInput({ blockedUserIds: [newSnowflake()] });
    const saved = await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, input);

    expect(saved).toMatchObject({
      inactivityTimeoutMinutes: 72 * 60,
      inactivityGraceMinutes: 24 * 60,
      reminderIntervalMinutes: 7 * 24 * 60,
      openLimitPerMember: 3,
      openCooldownSeconds: 0,
      remindersChannelId: null,
    });
    const loaded = await guilds.loadGuildConfig(guildId);
    expect(loaded).toEqual({ ...saved, staffRoleIds: [...saved.staffRoleIds].sort() });
    expect(loaded?.ticketTypes.map((type) => type.key)).toEqual(['support', 'billing']);
    expect(loaded?.ticketTypes[0]?.questions.map((question) => question.label)).toEqual([
      'What happened?',
      'Since when?',
    ]);
    expect((await guildRows(guildId)).counter).toMatchObject({ lastNumber: 0 });
  });

  it('answers null for a guild that never configured tickets', async () => {
    expect(await guilds.loadGuildConfig(newSnowflake())).toBeNull();
  });

  it('writes the same rows when the same save is repeated', async () => {
    const guildId = newSnowflake();
    const input = guildConfigInput();
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, input);
    const once = await guildRows(guildId);
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, input);
    const twice = await guildRows(guildId);
    expect({ ...twice, guild: { ...twice.guild, updatedAt: null, configVersion: null } }).toEqual({
      ...once,
      guild: { ...once.guild, updatedAt: null, configVersion: null },
    });
    expect(twice.guild?.configVersion).toBe((once.guild?.configVersion ?? 0) + 1);
  });

  it('replaces the whole configuration: removed types, roles and questions go, order follows the input', async () => {
    const guildId = newSnowflake();
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
    const keptRole = newSnowflake();
    const replacement: GuildConfigInput = guildConfigInput({
      staffRoleIds: [keptRole],
      blockedUserIds: [],
      ticketTypes: [
        { key: 'appeals', name: 'Appeals', questions: [{ label: 'Which ban?' }] },
        { key: 'support', name: 'Help', questions: [] },
      ],
    });
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, replacement);
    const rows = await guildRows(guildId);
    expect(rows.staffRoles.map((role) => role.roleId)).toEqual([keptRole]);
    expect(rows.types.map((type) => [type.key, type.name, type.position])).toEqual([
      ['appeals', 'Appeals', 0],
      ['support', 'Help', 1],
    ]);
    expect(rows.questions.map((question) => [question.typeKey, question.label])).toEqual([['appeals', 'Which ban?']]);
  });

  it('refuses an invalid configuration with every problem named, and writes nothing', async () => {
    const guildId = newSnowflake();
    const invalid = guildConfigInput({
      ticketChannelId: 'general',
      inactivityTimeoutMinutes: 1,
      ticketTypes: [
        { key: 'Support Desk', name: 'Support' },
        { key: 'billing', name: 'Billing', questions: Array.from({ length: 6 }, () => ({ label: 'Why?' })) },
      ],
    });
    const save = guilds.saveGuildConfig(guildId, permissiveGuildDirectory, invalid);
    await expect(save).rejects.toBeInstanceOf(GuildConfigError);
    const error = (await save.catch((caught: unknown) => caught)) as GuildConfigError;
    expect(error.problems).toEqual([
      { path: 'ticketChannelId', message: 'must be a Discord id (17 to 20 digits)' },
      { path: 'inactivityTimeoutMinutes', message: expect.stringContaining('>=10') },
      { path: 'ticketTypes.0.key', message: 'must be 1 to 32 lowercase letters, digits or dashes' },
      { path: 'ticketTypes.1.questions', message: expect.stringContaining('<=5') },
    ]);
    expect(error.message).toContain('invalid guild configuration: ticketChannelId: must be a Discord id');
    expect(await guildRows(guildId)).toEqual({
      guild: null,
      staffRoles: [],
      blocked: [],
      types: [],
      questions: [],
      counter: null,
    });
  });

  it('refuses duplicate type keys and a malformed guild id, keeping the stored configuration', async () => {
    const guildId = newSnowflake();
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
    const before = await guildRows(guildId);
    await expect(
      guilds.saveGuildConfig(
        guildId,
        permissiveGuildDirectory,
        guildConfigInput({
          ticketTypes: [
            { key: 'support', name: 'A' },
            { key: 'support', name: 'B' },
          ],
        }),
      ),
    ).rejects.toThrow('ticketTypes: ticket type keys must be unique');
    await expect(guilds.saveGuildConfig('my-server', permissiveGuildDirectory, guildConfigInput())).rejects.toThrow(
      'guildId: must be a Discord id (17 to 20 digits)',
    );
    expect(await guildRows(guildId)).toEqual(before);
  });
});

/**
 * Two guilds on one bot: whatever writes guild A's settings (the bot, the panel, the demo seeding) may name only
 * A's own text channels and roles, or A's summaries would be posted into B.
 */
describe('guild config repository: channels and roles belong to the guild', () => {
  const guildA = newSnowflake();
  const guildB = newSnowflake();
  const a = { tickets: newSnowflake(), histories: newSnowflake(), voice: newSnowflake(), staff: newSnowflake() };
  const b = { tickets: newSnowflake(), staff: newSnowflake() };
  const guildsOnDiscord = {
    [guildA]: {
      channels: {
        [a.tickets]: ChannelType.GuildText,
        [a.histories]: ChannelType.GuildText,
        [a.voice]: ChannelType.GuildVoice,
      },
      roleIds: [a.staff],
    },
    [guildB]: { channels: { [b.tickets]: ChannelType.GuildText }, roleIds: [b.staff] },
  };
  const ownConfig = (overrides: Partial<GuildConfigInput> = {}) =>
    guildConfigInput({
      staffRoleIds: [a.staff],
      ticketChannelId: a.tickets,
      historiesChannelId: a.histories,
      notificationRoleId: null,
      ...overrides,
    });

  /** Saves as guild A and expects a refusal naming exactly these problems, with nothing written. */
  async function expectRefused(input: GuildConfigInput, problems: { path: string; message: string }[]) {
    const before = await guildRows(guildA);
    const error = await guilds
      .saveGuildConfig(guildA, fixtureGuildDirectory(guildsOnDiscord).directory, input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GuildConfigError);
    expect((error as GuildConfigError).problems).toEqual(problems);
    expect(await guildRows(guildA)).toEqual(before);
  }

  it("refuses another guild's channel, another guild's role, a voice channel and @everyone, writing nothing", async () => {
    await expectRefused(ownConfig({ historiesChannelId: b.tickets }), [
      { path: 'historiesChannelId', message: 'is not a channel of this server' },
    ]);
    await expectRefused(ownConfig({ staffRoleIds: [a.staff, b.staff] }), [
      { path: 'staffRoleIds.1', message: 'is not a role of this server' },
    ]);
    await expectRefused(ownConfig({ ticketChannelId: a.voice }), [
      { path: 'ticketChannelId', message: 'is not a text channel' },
    ]);
    await expectRefused(ownConfig({ staffRoleIds: [guildA] }), [
      { path: 'staffRoleIds.0', message: 'is @everyone, which every member has: choose a role' },
    ]);
    expect((await guildRows(guildA)).guild).toBeNull();
  });

  it('names every foreign setting at once, keeping the stored configuration', async () => {
    await guilds.saveGuildConfig(guildA, fixtureGuildDirectory(guildsOnDiscord).directory, ownConfig());
    await expectRefused(
      ownConfig({ remindersChannelId: b.tickets, notificationRoleId: b.staff, notificationsEnabled: true }),
      [
        { path: 'remindersChannelId', message: 'is not a channel of this server' },
        { path: 'notificationRoleId', message: 'is not a role of this server' },
      ],
    );
  });

  it('asks only about what a save adds, so a channel deleted since does not block other changes', async () => {
    const guildId = newSnowflake();
    const stored = guildConfigInput();
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, stored);
    // The guild has since deleted every channel and role the stored settings name.
    const newTickets = newSnowflake();
    const { directory, asked } = fixtureGuildDirectory({
      [guildId]: { channels: { [newTickets]: ChannelType.GuildText } },
    });

    const saved = await guilds.saveGuildConfig(guildId, directory, { ...stored, openCooldownSeconds: 30 });
    expect(saved.openCooldownSeconds).toBe(30);
    expect(asked).toEqual([]);

    await guilds.saveGuildConfig(guildId, directory, { ...stored, ticketChannelId: newTickets });
    expect(asked).toEqual([newTickets]);
  });
});
