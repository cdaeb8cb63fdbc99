import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '../../../prisma/client.ts';
import { revenueByProviderAndMonth } from '../../../store/entitlements/revenue.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { GUILD_A } from './fixtures.ts';

let database: TestDatabase;
const asOf = new Date('2026-11-15T00:00:00Z');

function subscription(
  id: string,
  provider: 'stripe' | 'paypal' | 'patreon',
  price: [number, string, 'month' | 'year'],
  startedAt: string,
  trialEnd: string | null,
  endedAt: string | null,
): Prisma.SubscriptionCreateManyInput {
  return {
    provider,
    subscriptionId: id,
    guildId: GUILD_A,
    plan: 'pro',
    status: endedAt ? 'ended' : 'active',
    startedAt: new Date(startedAt),
    currentPeriodStart: new Date(startedAt),
    currentPeriodEnd: new Date(startedAt),
    trialEnd: trialEnd ? new Date(trialEnd) : null,
    priceAmountMinor: price[0],
    priceCurrency: price[1],
    priceInterval: price[2],
    endedAt: endedAt ? new Date(endedAt) : null,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.subscription.createMany({
    data: [
      // Paying throughout.
      subscription('A', 'stripe', [1000, 'USD', 'month'], '2026-08-10T00:00:00Z', null, null),
      // Yearly (1,000 a month), paying from Sep 15, churned Oct 20.
      subscription('B', 'stripe', [12000, 'USD', 'year'], '2026-09-15T00:00:00Z', null, '2026-10-20T00:00:00Z'),
      // Trial Oct 1 to Oct 15, then paying.
      subscription('C', 'stripe', [2000, 'USD', 'month'], '2026-10-01T00:00:00Z', '2026-10-15T00:00:00Z', null),
      // Ended inside its trial: never paid.
      subscription(
        'D',
        'stripe',
        [500, 'USD', 'month'],
        '2026-10-05T00:00:00Z',
        '2026-10-19T00:00:00Z',
        '2026-10-12T00:00:00Z',
      ),
      // Ended at the first instant of November: its last paid instant is in October.
      subscription('E', 'paypal', [900, 'EUR', 'month'], '2026-07-01T00:00:00Z', null, '2026-11-01T00:00:00Z'),
      // Started in November.
      subscription('F', 'patreon', [300, 'USD', 'month'], '2026-11-02T00:00:00Z', null, null),
    ],
  });
});

afterAll(async () => {
  await database?.cleanup();
});

describe('revenueByProviderAndMonth', () => {
  it('gives MRR at each month’s end (at asOf for its own month), active subscriptions at its start and churn', async () => {
    const rows = await revenueByProviderAndMonth(database.prisma, { from: '2026-09', to: '2026-11' }, asOf);
    expect(
      rows.map((row) => [
        row.month,
        row.provider,
        row.currency,
        row.mrrMinor,
        row.activeAtStart,
        row.endedInMonth,
        row.churn,
      ]),
    ).toEqual([
      ['2026-09', 'stripe', 'USD', 2000, 1, 0, 0],
      ['2026-09', 'paypal', 'EUR', 900, 1, 0, 0],
      ['2026-09', 'patreon', 'USD', 0, 0, 0, null],
      ['2026-10', 'stripe', 'USD', 3000, 2, 1, 0.5],
      ['2026-10', 'paypal', 'EUR', 0, 1, 1, 1],
      ['2026-10', 'patreon', 'USD', 0, 0, 0, null],
      ['2026-11', 'stripe', 'USD', 3000, 2, 0, 0],
      ['2026-11', 'paypal', 'EUR', 0, 0, 0, null],
      ['2026-11', 'patreon', 'USD', 300, 0, 0, null],
    ]);
  });

  it('refuses a malformed, reversed or future range', async () => {
    const problems = (input: { from: string; to: string }) =>
      revenueByProviderAndMonth(database.prisma, input, asOf).catch((error: InputError) => {
        expect(error).toBeInstanceOf(InputError);
        return error.problems;
      });
    expect(await problems({ from: '2026-13', to: 'soon' })).toEqual([
      { path: 'from', message: 'must be a month as YYYY-MM' },
      { path: 'to', message: 'must be a month as YYYY-MM' },
    ]);
    expect(await problems({ from: '2026-10', to: '2026-09' })).toEqual([
      { path: 'to', message: 'must not be before from' },
    ]);
    expect(await problems({ from: '2026-10', to: '2026-12' })).toEqual([
      { path: 'to', message: 'must not be a future month' },
    ]);
  });
});
