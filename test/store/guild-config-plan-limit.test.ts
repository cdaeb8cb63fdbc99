import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfigInput, TicketType } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { grantManualEntitlement, revokeManualEntitlement } from '../../store/entitlements/manual-entitlements.ts';
import { createGuildConfigRepository, type GuildConfigRepository } from '../../store/guild-config-repository.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { problemsOf } from '../support/input-problems.ts';

const OPERATOR = '300000000000000001';

let database: TestDatabase;
let guilds: GuildConfigRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  guilds = createGuildConfigRepository(database.prisma, DEFAULT_PLANS);
});

afterAll(async () => {
  await database?.cleanup();
});

const types = (...keys: string[]): Partial<TicketType>[] => keys.map((key) => ({ key, name: key.toUpperCase() }));
const withTypes = (base: GuildConfigInput, ...keys: string[]): GuildConfigInput =>
  ({ ...base, ticketTypes: types(...keys) }) as GuildConfigInput;
const save = (guildId: string, input: GuildConfigInput) =>
  guilds.saveGuildConfig(guildId, permissiveGuildDirectory, input);
const storedKeys = async (guildId: string) =>
  (await guilds.loadGuildConfig(guildId))?.ticketTypes.map((type) => type.key);

describe('the ticket types a guild’s plan allows (free 3, pro 10)', () => {
  it('refuses more types than the plan allows, naming the limit and the plan, and changes nothing', async () => {
    const guildId = newSnowflake();
    const base = guildConfigInput();
    await save(guildId, withTypes(base, 'a', 'b', 'c'));
    const before = await guilds.loadGuildConfig(guildId);

    const problems = await problemsOf(
      save(guildId, { ...withTypes(base, 'a', 'b', 'c', 'd'), openCooldownSeconds: 60 }),
    );

    expect(problems).toEqual([
      {
        path: 'ticketTypes',
        message:
          'The free plan allows 3 ticket types; this configuration has 4. Remove some, or upgrade the plan for more.',
      },
    ]);
    expect(await guilds.loadGuildConfig(guildId)).toEqual(before);
    // A first save is held to the limit too, and writes no guild at all.
    const fresh = newSnowflake();
    expect(await problemsOf(save(fresh, withTypes(base, 'a', 'b', 'c', 'd')))).toEqual([
      {
        path: 'ticketTypes',
        message:
          'The free plan allows 3 ticket types; this configuration has 4. Remove some, or upgrade the plan for more.',
      },
    ]);
    expect(await guilds.loadGuildConfig(fresh)).toBeNull();
  });

  it('allows more types on a better plan, and a downgrade keeps them all but adds none until under the limit', async () => {
    const guildId = newSnowflake();
    const base = guildConfigInput();
    await save(guildId, withTypes(base, 'a', 'b'));
    const { entitlement } = await grantManualEntitlement(database.prisma, {
      holder: { kind: 'guild', guildId },
      plan: 'pro',
      endsAt: null,
      reason: 'types test upgrade',
      operatorId: OPERATOR,
    });
    await save(guildId, withTypes(base, 'a', 'b', 'c', 'd', 'e'));
    await revokeManualEntitlement(database.prisma, {
      entitlementId: entitlement.id,
      reason: 'types test downgrade',
      operatorId: OPERATOR,
    });

    // Every type stays, and other settings still save.
    expect(await storedKeys(guildId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const other = await save(guildId, { ...withTypes(base, 'a', 'b', 'c', 'd', 'e'), openCooldownSeconds: 30 });
    expect(other.openCooldownSeconds).toBe(30);
    // Swapping one for a new one is adding while over the limit.
    expect(await problemsOf(save(guildId, withTypes(base, 'a', 'b', 'c', 'd', 'x')))).toMatchObject([
      { path: 'ticketTypes', message: expect.stringContaining('already has 5') },
    ]);
    expect(await storedKeys(guildId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Removing is always allowed; once within the limit a new type may come.
    await save(guildId, withTypes(base, 'a', 'b'));
    await save(guildId, withTypes(base, 'a', 'b', 'x'));
    expect(await storedKeys(guildId)).toEqual(['a', 'b', 'x']);
  });
});
