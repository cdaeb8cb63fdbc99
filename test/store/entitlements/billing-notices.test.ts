import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import {
  dismissBillingNotice,
  listBillingNotices,
  recordBillingNotice,
  recordHolderBillingNotices,
} from '../../../store/entitlements/billing-notices.ts';
import { assignEntitlementToGuild } from '../../../store/entitlements/guild-assignments.ts';
import { grantManualEntitlement } from '../../../store/entitlements/manual-entitlements.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, GUILD_C, OPERATOR, T0, tableCounts, USER_A } from './fixtures.ts';

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

  it('tells every guild of a holder once: the guild itself, or each guild a user assigned', async () => {
    const { prisma } = database;
    const now = new Date(T0);
    const { entitlement } = await grantManualEntitlement(
      prisma,
      {
        holder: { kind: 'user', userId: USER_A },
        plan: 'enterprise',
        endsAt: null,
        reason: 'patron',
        operatorId: OPERATOR,
      },
      now,
    );
    for (const guildId of [GUILD_B, GUILD_C]) {
      await assignEntitlementToGuild(
        prisma,
        DEFAULT_PLANS,
        { entitlementId: entitlement.id, guildId, actorId: USER_A },
        now,
      );
    }
    const notice = {
      key: 'patreon:member_1:plan_ended:1',
      kind: 'plan_ended' as const,
      plan: 'enterprise' as const,
      at: now,
    };
    const first = await recordHolderBillingNotices(prisma, { ...notice, holder: { kind: 'user', userId: USER_A } });
    expect(first.map(({ notice, created }) => [notice.guildId, notice.key, created])).toEqual([
      [GUILD_B, `${notice.key}:${GUILD_B}`, true],
      [GUILD_C, `${notice.key}:${GUILD_C}`, true],
    ]);
    const again = await recordHolderBillingNotices(prisma, { ...notice, holder: { kind: 'user', userId: USER_A } });
    expect(again.map(({ created }) => created)).toEqual([false, false]);
    const guildHeld = await recordHolderBillingNotices(prisma, {
      ...notice,
      key: 'stripe:sub_7:plan_ended:1',
      holder: { kind: 'guild', guildId: GUILD_A },
    });
    expect(guildHeld.map(({ notice }) => [notice.guildId, notice.key])).toEqual([
      [GUILD_A, 'stripe:sub_7:plan_ended:1'],
    ]);
    await expect(
      recordHolderBillingNotices(prisma, { ...notice, holder: { kind: 'user', userId: 'someone' } }),
    ).rejects.toBeInstanceOf(InputError);
  });
});
