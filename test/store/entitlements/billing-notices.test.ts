import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dismissBillingNotice,
  listBillingNotices,
  recordBillingNotice,
} from '../../../store/entitlements/billing-notices.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, T0, tableCounts } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

describe('billing notices', () => {
  it('records once per key, lists a guild’s newest first, and dismisses once', async () => {
    const { prisma } = database;
    const failed = {
      key: 'stripe:sub_1:payment_failed:1',
      guildId: GUILD_A,
      kind: 'payment_failed' as const,
      plan: 'pro' as const,
      at: new Date(T0),
    };
    const first = await recordBillingNotice(prisma, failed);
    expect(first.created).toBe(true);
    const retry = await recordBillingNotice(prisma, { ...failed, at: new Date(T0 + 1000) });
    expect(retry).toEqual({ notice: first.notice, created: false });
    await recordBillingNotice(prisma, {
      key: 'stripe:sub_1:grace_ending:1',
      guildId: GUILD_A,
      kind: 'grace_ending',
      plan: 'pro',
      at: new Date(T0 + 2 * DAY),
    });
    await recordBillingNotice(prisma, {
      key: 'stripe:sub_9:plan_ended',
      guildId: GUILD_B,
      kind: 'plan_ended',
      plan: 'enterprise',
      at: new Date(T0),
    });
    expect((await listBillingNotices(prisma, GUILD_A)).map((notice) => notice.kind)).toEqual([
      'grace_ending',
      'payment_failed',
    ]);

    // Another guild's notice is no notice of this guild.
    expect(await dismissBillingNotice(prisma, { guildId: GUILD_B, noticeId: first.notice.id })).toBeNull();
    const dismissedAt = new Date(T0 + 3 * DAY);
    const dismissed = await dismissBillingNotice(prisma, { guildId: GUILD_A, noticeId: first.notice.id }, dismissedAt);
    expect(dismissed?.dismissedAt).toEqual(dismissedAt);
    const again = await dismissBillingNotice(prisma, { guildId: GUILD_A, noticeId: first.notice.id }, new Date());
    expect(again?.dismissedAt).toEqual(dismissedAt);
    expect((await listBillingNotices(prisma, GUILD_A)).map((notice) => notice.kind)).toEqual(['grace_ending']);
    expect(await listBillingNotices(prisma, GUILD_A, { includeDismissed: true })).toHaveLength(2);
  });

  it('refuses a bad notice, writing nothing', async () => {
    const { prisma } = database;
    const before = await tableCounts(prisma);
    const error = await recordBillingNotice(prisma, {
      key: '',
      guildId: 'x',
      kind: 'weather' as 'plan_ended',
      plan: 'pro',
      at: new Date(T0),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((problem) => problem.path).sort()).toEqual(['guildId', 'key', 'kind']);
    expect(await tableCounts(prisma)).toEqual(before);
  });
});
