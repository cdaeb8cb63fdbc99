import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseActivities } from '../../activities/database/create-database-activities.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { GuildConfigError } from '../../store/guild-config-error.ts';
import { createGuildConfigRepository, type GuildConfigRepository } from '../../store/guild-config-repository.ts';
import { guildConfigInput, newSnowflake, openRequest } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';

let database: TestDatabase;
let guilds: GuildConfigRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  guilds = createGuildConfigRepository(database.prisma, DEFAULT_PLANS);
});

afterAll(async () => {
  await database?.cleanup();
});

/** A guild on Discord with these categories; its other channels and roles are whatever a save names. */
function guildWithCategories(guildId: string, categoryIds: string[]) {
  const channels = Object.fromEntries(categoryIds.map((id) => [id, ChannelType.GuildCategory]));
  return {
    channelType: async (asked: string, channelId: string) =>
      asked === guildId ? (channels[channelId] ?? ChannelType.GuildText) : null,
    hasRole: async () => true,
  };
}

/** Support opens channels, billing threads. */
function channelModeConfig(ticketCategoryIds: string[]) {
  const input = guildConfigInput({ ticketCategoryIds });
  return {
    ...input,
    ticketTypes: input.ticketTypes?.map((type) =>
      type.key === 'support' ? { ...type, mode: 'channel' as const } : type,
    ),
  };
}

describe('channel mode settings', () => {
  it('keeps the ticket categories in order and each type its mode, thread by default', async () => {
    const guildId = newSnowflake();
    const categories = [newSnowflake(), newSnowflake(), newSnowflake()].reverse();
    await guilds.saveGuildConfig(guildId, guildWithCategories(guildId, categories), channelModeConfig(categories));
    const loaded = await guilds.loadGuildConfig(guildId);
    expect(loaded?.ticketCategoryIds).toEqual(categories);
    expect(loaded?.ticketTypes.map((type) => [type.key, type.mode])).toEqual([
      ['support', 'channel'],
      ['billing', 'thread'],
    ]);
  });

  it('refuses a channel-mode type without a category, and a category that is not one, writing nothing', async () => {
    const guildId = newSnowflake();
    const noCategory = await guilds
      .saveGuildConfig(guildId, permissiveGuildDirectory, channelModeConfig([]))
      .catch((error: unknown) => error);
    expect(noCategory).toBeInstanceOf(GuildConfigError);
    expect((noCategory as GuildConfigError).problems).toEqual([
      {
        path: 'ticketTypes.0.mode',
        message: 'type "support" opens tickets as channels, which needs at least one ticket category',
      },
    ]);

    const text = newSnowflake();
    const category = newSnowflake();
    const input = channelModeConfig([category, text]);
    const directory = guildWithCategories(guildId, [category]);
    const notACategory = await guilds.saveGuildConfig(guildId, directory, input).catch((error: unknown) => error);
    expect((notACategory as GuildConfigError).problems).toEqual([
      { path: 'ticketCategoryIds.1', message: 'is not a category' },
    ]);
    expect(await guilds.loadGuildConfig(guildId)).toBeNull();
    await guilds.saveGuildConfig(guildId, directory, { ...input, ticketCategoryIds: [category] });
    expect((await guilds.loadGuildConfig(guildId))?.ticketCategoryIds).toEqual([category]);
  });

  it('a ticket of a channel-mode type captures the mode and the categories; a thread-mode one nothing new', async () => {
    const guildId = newSnowflake();
    const categories = [newSnowflake(), newSnowflake()];
    await guilds.saveGuildConfig(guildId, guildWithCategories(guildId, categories), channelModeConfig(categories));
    const activities = createDatabaseActivities(database.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
    const openedAt = Date.now();
    const channel = await activities.registerTicket({
      workflowId: `wf-${newSnowflake()}`,
      request: openRequest(guildId, newSnowflake(), 'support'),
      openedAt,
    });
    const thread = await activities.registerTicket({
      workflowId: `wf-${newSnowflake()}`,
      request: openRequest(guildId, newSnowflake(), 'billing'),
      openedAt,
    });
    if (channel.outcome !== 'registered' || thread.outcome !== 'registered') throw new Error('not registered');
    expect(channel.settings).toMatchObject({ mode: 'channel', ticketCategoryIds: categories });
    expect(thread.settings).not.toHaveProperty('mode');
    expect(thread.settings).not.toHaveProperty('ticketCategoryIds');
  });
});
