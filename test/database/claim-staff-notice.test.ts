import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimStaffNotice } from '../../activities/database/claim-staff-notice.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { guildConfigInput, newSnowflake } from './ticket-fixtures.ts';

let database: TestDatabase;
const HOUR = 3_600_000;
const EVERY = 6 * HOUR;
const NOON = Date.UTC(2026, 0, 5, 12);

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

async function guild(): Promise<string> {
  const guildId = newSnowflake();
  await createGuildConfigRepository(database.prisma, DEFAULT_PLANS).saveGuildConfig(
    guildId,
    permissiveGuildDirectory,
    guildConfigInput(),
  );
  return guildId;
}

const claim = (guildId: string, key: string, at: number) =>
  claimStaffNotice(database.prisma, { guildId, kind: 'categories_full', key, at, everyMs: EVERY });

describe('claimStaffNotice (Postgres)', () => {
  it('lets one ticket per period speak, and that ticket again on a retry', async () => {
    const guildId = await guild();
    expect(await claim(guildId, 'ticket-a', NOON)).toEqual({ claimed: true });
    // The same ticket's retry (its answer lost) still holds the claim, so its notice is still posted.
    expect(await claim(guildId, 'ticket-a', NOON)).toEqual({ claimed: true });
    expect(await claim(guildId, 'ticket-b', NOON + HOUR)).toEqual({ claimed: false });
    expect(await claim(guildId, 'ticket-c', NOON + EVERY - 1)).toEqual({ claimed: false });
    expect(await claim(guildId, 'ticket-d', NOON + EVERY)).toEqual({ claimed: true });
    // Another guild has its own period.
    expect(await claim(await guild(), 'ticket-e', NOON + HOUR)).toEqual({ claimed: true });
  });

  it('gives the claim to exactly one of many tickets refused at the same moment', async () => {
    const guildId = await guild();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => claim(guildId, `ticket-${index}`, NOON)),
    );
    expect(answers.filter((answer) => answer.claimed)).toHaveLength(1);
    const rows = await database.prisma.guildStaffNotice.findMany({ where: { guildId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sentAt.getTime()).toBe(NOON);
  });

  it('refuses input that is not a claim', async () => {
    await expect(
      claimStaffNotice(database.prisma, {
        guildId: 'not-a-guild',
        kind: 'categories_full',
        key: 'k',
        at: NOON,
        everyMs: EVERY,
      }),
    ).rejects.toThrow();
  });
});
