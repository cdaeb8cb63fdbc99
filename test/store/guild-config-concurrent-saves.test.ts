import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfig, GuildConfigInput } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createPrismaClient, type PrismaClient } from '../../prisma/client.ts';
import { GuildConfigConflictError } from '../../store/guild-config-error.ts';
import {
  createGuildConfigRepository,
  type GuildConfigRepository,
  replaceLoadedVersion,
  type StoredGuildConfig,
} from '../../store/guild-config-repository.ts';
import type { GuildDirectory } from '../../store/guild-directory.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';

/**
 * Saves of one guild's configuration from different processes (the bot's `/ticket-config`, the panel's sections and
 * whole form), each with its own repository and Prisma client over the real Postgres: a save that lands between
 * another's read and write is never undone. The races are forced: a save's ownership check (between its read and its
 * write) waits until the other save committed.
 */
let database: TestDatabase;
let bot: GuildConfigRepository;
let panel: GuildConfigRepository;
let panelPrisma: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  bot = createGuildConfigRepository(database.prisma, DEFAULT_PLANS);
  // The panel is another process: its own client and connection pool.
  panelPrisma = createPrismaClient(database.url);
  panel = createGuildConfigRepository(panelPrisma, DEFAULT_PLANS);
});

afterAll(async () => {
  await panelPrisma?.$disconnect();
  await database?.cleanup();
});

/**
 * A directory whose first check waits for `until`: its save has read the configuration but not yet written. A save
 * asks only about the channels and roles it adds, so each held save below adds one.
 */
function heldDirectory(until: Promise<unknown>): { directory: GuildDirectory; reading: Promise<void> } {
  let read: () => void = () => {};
  const reading = new Promise<void>((resolve) => {
    read = resolve;
  });
  let held = false;
  const hold = async () => {
    if (held) return;
    held = true;
    read();
    await until;
  };
  return {
    reading,
    directory: {
      channelType: async (guildId, channelId) => {
        await hold();
        return permissiveGuildDirectory.channelType(guildId, channelId);
      },
      hasRole: async (guildId, roleId) => {
        await hold();
        return permissiveGuildDirectory.hasRole(guildId, roleId);
      },
    },
  };
}

/** The save `first` reads, then `second` saves and commits, then `first` writes. */
async function interleave<T>(
  first: (directory: GuildDirectory) => Promise<T>,
  second: () => Promise<unknown>,
): Promise<T> {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = heldDirectory(released);
  const firstSave = first(held.directory);
  await held.reading;
  await second().finally(release);
  return firstSave;
}

const withLabel =
  (name: string) =>
  (stored: StoredGuildConfig | null): GuildConfigInput => {
    if (!stored) throw new Error('not set up');
    return { ...stored.config, labels: [...stored.config.labels, { name }] };
  };

async function configuredGuild(): Promise<{ guildId: string; stored: StoredGuildConfig }> {
  const guildId = newSnowflake();
  await bot.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
  const stored = await bot.loadStoredGuildConfig(guildId);
  if (!stored) throw new Error('the configuration was not saved');
  return { guildId, stored };
}

describe('concurrent saves of a guild configuration', () => {
  it('keeps both of two section changes when one lands between the read and the write of the other', async () => {
    const { guildId, stored } = await configuredGuild();

    const escalationRoleId = newSnowflake();

    // The SLA section (a new escalation role, checked with Discord) read first, the labels section wrote first.
    const sla = await interleave(
      (directory) =>
        panel.updateGuildConfig(guildId, directory, (current) => ({
          ...(current as StoredGuildConfig).config,
          escalationRoleId,
        })),
      () => panel.updateGuildConfig(guildId, permissiveGuildDirectory, withLabel('urgent')),
    );

    const after = (await bot.loadStoredGuildConfig(guildId)) as StoredGuildConfig;
    expect(after.config.escalationRoleId).toBe(escalationRoleId);
    expect(after.config.labels.map((label) => label.name)).toEqual(['urgent']);
    expect(after.version).toBe(stored.version + 2);
    expect(sla.version).toBe(after.version);
    expect(sla.before?.labels.map((label) => label.name)).toEqual(['urgent']);
  });

  it('keeps every change of a burst of saves at the same moment', async () => {
    const { guildId, stored } = await configuredGuild();
    const names = ['a', 'b', 'c', 'd', 'e'];

    await Promise.all(
      names.map((name, index) =>
        (index % 2 === 0 ? bot : panel).updateGuildConfig(guildId, permissiveGuildDirectory, withLabel(name)),
      ),
    );

    const after = (await bot.loadStoredGuildConfig(guildId)) as StoredGuildConfig;
    expect(after.config.labels.map((label) => label.name).sort()).toEqual(names);
    expect(after.version).toBe(stored.version + names.length);
  });

  it("keeps the bot's command and the panel's section change racing each other, whichever writes last", async () => {
    const { guildId } = await configuredGuild();
    const blocked = newSnowflake();
    const escalationRoleId = newSnowflake();
    const staffRoleId = newSnowflake();

    // The panel's slower check (Discord's REST API) holds its SLA save while the bot's `/ticket-config blocklist` lands.
    await interleave(
      (directory) =>
        panel.updateGuildConfig(guildId, directory, (current) => ({
          ...(current as StoredGuildConfig).config,
          escalationRoleId,
        })),
      () =>
        bot.updateGuildConfig(guildId, permissiveGuildDirectory, (current) => ({
          ...(current as StoredGuildConfig).config,
          blockedUserIds: [blocked],
        })),
    );
    // And the other way round: the bot's `/ticket-config staff-roles add` read first, the panel's labels wrote first.
    await interleave(
      (directory) =>
        bot.updateGuildConfig(guildId, directory, (current) => {
          const { config } = current as StoredGuildConfig;
          return { ...config, staffRoleIds: [...config.staffRoleIds, staffRoleId] };
        }),
      () => panel.updateGuildConfig(guildId, permissiveGuildDirectory, withLabel('from the panel')),
    );

    const after = (await bot.loadGuildConfig(guildId)) as GuildConfig;
    expect(after.blockedUserIds).toEqual([blocked]);
    expect(after.escalationRoleId).toBe(escalationRoleId);
    expect(after.staffRoleIds).toContain(staffRoleId);
    expect(after.labels.map((label) => label.name)).toEqual(['from the panel']);
  });

  it('refuses a whole save made from a version older than the stored one, and writes nothing', async () => {
    const { guildId, stored } = await configuredGuild();
    await bot.updateGuildConfig(guildId, permissiveGuildDirectory, withLabel('newer'));
    const newer = await bot.loadStoredGuildConfig(guildId);

    const stale = { ...stored.config, openCooldownSeconds: 600 };
    await expect(
      panel.updateGuildConfig(guildId, permissiveGuildDirectory, replaceLoadedVersion(stored.version, stale)),
    ).rejects.toBeInstanceOf(GuildConfigConflictError);

    expect(await bot.loadStoredGuildConfig(guildId)).toEqual(newer);
  });

  it('refuses a whole save when a change lands between its read and its write, and writes nothing', async () => {
    const { guildId, stored } = await configuredGuild();
    const whole = { ...stored.config, openCooldownSeconds: 600, historiesChannelId: newSnowflake() };

    const saving = interleave(
      (directory) => panel.updateGuildConfig(guildId, directory, replaceLoadedVersion(stored.version, whole)),
      () => bot.updateGuildConfig(guildId, permissiveGuildDirectory, withLabel('meanwhile')),
    );

    await expect(saving).rejects.toBeInstanceOf(GuildConfigConflictError);
    const after = (await bot.loadStoredGuildConfig(guildId)) as StoredGuildConfig;
    expect(after.config.openCooldownSeconds).toBe(stored.config.openCooldownSeconds);
    expect(after.config.historiesChannelId).toBe(stored.config.historiesChannelId);
    expect(after.config.labels.map((label) => label.name)).toEqual(['meanwhile']);
    expect(after.version).toBe(stored.version + 1);
  });

  it('saves a whole configuration from the version it was loaded at, and a first one over none', async () => {
    const guildId = newSnowflake();
    const first = await panel.updateGuildConfig(
      guildId,
      permissiveGuildDirectory,
      replaceLoadedVersion(null, guildConfigInput()),
    );
    expect(first.version).toBe(1);
    // A second first save (another admin's page, also opened before setup) would undo it: refused.
    await expect(
      bot.updateGuildConfig(guildId, permissiveGuildDirectory, replaceLoadedVersion(null, guildConfigInput())),
    ).rejects.toBeInstanceOf(GuildConfigConflictError);

    const next = await panel.updateGuildConfig(
      guildId,
      permissiveGuildDirectory,
      replaceLoadedVersion(first.version, { ...first.saved, openCooldownSeconds: 60 }),
    );
    expect(next.version).toBe(2);
    expect((await bot.loadGuildConfig(guildId))?.openCooldownSeconds).toBe(60);
  });
});
