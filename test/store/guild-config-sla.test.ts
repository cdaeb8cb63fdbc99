import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('support hours and SLA targets in the guild config', () => {
  it('defaults to around the clock with no targets, and stores hours, holidays, targets and roles', async () => {
    const guildId = newSnowflake();
    const plain = await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
    expect(plain.supportHours).toEqual({ timeZone: 'UTC', windows: [], holidays: [] });
    expect(plain.escalationRoleId).toBeNull();
    expect(plain.ticketTypes[0]).toMatchObject({
      firstResponseMinutes: null,
      resolutionMinutes: null,
      escalationRoleId: null,
    });

    const escalation = newSnowflake();
    const typeRole = newSnowflake();
    const input = guildConfigInput({
      supportHours: {
        timeZone: 'Europe/Berlin',
        windows: [
          { day: 1, start: 540, end: 720 },
          { day: 1, start: 780, end: 1020 },
        ],
        holidays: ['2026-12-24'],
      },
      escalationRoleId: escalation,
    });
    input.ticketTypes = input.ticketTypes?.map((type, index) =>
      index === 0 ? { ...type, firstResponseMinutes: 60, resolutionMinutes: 480, escalationRoleId: typeRole } : type,
    );
    const saved = await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, input);
    const loaded = await guilds.loadGuildConfig(guildId);
    expect(loaded).toEqual({ ...saved, staffRoleIds: [...saved.staffRoleIds].sort() });
    expect(loaded?.supportHours.windows).toHaveLength(2);
    expect(loaded?.ticketTypes[0]).toMatchObject({
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      escalationRoleId: typeRole,
    });
    expect(loaded?.ticketTypes[1]).toMatchObject({ firstResponseMinutes: null, escalationRoleId: null });
  });

  it('refuses an unknown time zone, a backwards window and a date that is none, writing nothing', async () => {
    const guildId = newSnowflake();
    const stored = await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
    const refused = await guilds
      .saveGuildConfig(guildId, permissiveGuildDirectory, {
        ...stored,
        supportHours: {
          timeZone: 'Mars/Olympus_Mons',
          windows: [{ day: 2, start: 600, end: 540 }],
          holidays: ['2026-02-30'],
        },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GuildConfigError);
    expect((refused as GuildConfigError).problems.map((problem) => problem.path).sort()).toEqual([
      'supportHours.holidays.0',
      'supportHours.timeZone',
      'supportHours.windows.0.end',
    ]);
    expect((await guilds.loadGuildConfig(guildId))?.supportHours).toEqual(stored.supportHours);
  });

  it("refuses another guild's role as an escalation role, for the server and for a type", async () => {
    const guildId = newSnowflake();
    const own = newSnowflake();
    const stored = await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
    const { directory } = fixtureGuildDirectory({ [guildId]: { roleIds: [own] } });
    const foreign = newSnowflake();
    const refused = await guilds
      .saveGuildConfig(guildId, directory, {
        ...stored,
        escalationRoleId: foreign,
        ticketTypes: stored.ticketTypes.map((type) => ({ ...type, escalationRoleId: foreign })),
      })
      .catch((error: unknown) => error);
    expect((refused as GuildConfigError).problems).toEqual([
      { path: 'escalationRoleId', message: 'is not a role of this server' },
      { path: 'ticketTypes.0.escalationRoleId', message: 'is not a role of this server' },
      { path: 'ticketTypes.1.escalationRoleId', message: 'is not a role of this server' },
    ]);
    const saved = await guilds.saveGuildConfig(guildId, directory, { ...stored, escalationRoleId: own });
    expect(saved.escalationRoleId).toBe(own);
  });
});
