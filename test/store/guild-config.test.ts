import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfigInput } from '../../domain/guild-config.ts';
import {
  createGuildConfigRepository,
  GuildConfigError,
  type GuildConfigRepository,
} from '../../store/guild-config-repository.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let guilds: GuildConfigRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  guilds = createGuildConfigRepository(database.prisma);
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
    const saved = await guilds.saveGuildConfig(guildId, input);

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
    await guilds.saveGuildConfig(guildId, input);
    const once = await guildRows(guildId);
    await guilds.saveGuildConfig(guildId, input);
    const twice = await guildRows(guildId);
    expect({ ...twice, guild: { ...twice.guild, updatedAt: null } }).toEqual({
      ...once,
      guild: { ...once.guild, updatedAt: null },
    });
  });

  it('replaces the whole configuration: removed types, roles and questions go, order follows the input', async () => {
    const guildId = newSnowflake();
    await guilds.saveGuildConfig(guildId, guildConfigInput());
    const keptRole = newSnowflake();
    const replacement: GuildConfigInput = guildConfigInput({
      staffRoleIds: [keptRole],
      blockedUserIds: [],
      ticketTypes: [
        { key: 'appeals', name: 'Appeals', questions: [{ label: 'Which ban?' }] },
        { key: 'support', name: 'Help', questions: [] },
      ],
    });
    await guilds.saveGuildConfig(guildId, replacement);
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
    const save = guilds.saveGuildConfig(guildId, invalid);
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
    await guilds.saveGuildConfig(guildId, guildConfigInput());
    const before = await guildRows(guildId);
    await expect(
      guilds.saveGuildConfig(
        guildId,
        guildConfigInput({
          ticketTypes: [
            { key: 'support', name: 'A' },
            { key: 'support', name: 'B' },
          ],
        }),
      ),
    ).rejects.toThrow('ticketTypes: ticket type keys must be unique');
    await expect(guilds.saveGuildConfig('my-server', guildConfigInput())).rejects.toThrow(
      'guildId: must be a Discord id (17 to 20 digits)',
    );
    expect(await guildRows(guildId)).toEqual(before);
  });
});
