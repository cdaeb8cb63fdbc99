import { z } from 'zod';
import type { BillingProviderName } from '../../domain/subscription.ts';
import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { InputError } from '../input-error.ts';
import { parseInput } from './parse-input.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const MAX_MONTHS = 120;

const revenueQuerySchema = z.strictObject({ from: month, to: month });
export type RevenueQueryInput = z.input<typeof revenueQuerySchema>;

/** One provider's revenue in one currency over one UTC calendar month. */
export interface MonthlyRevenue {
  /** YYYY-MM. */
  month: string;
  provider: BillingProviderName;
  currency: string;
  /**
   * Monthly recurring revenue at the month's end (the next month's first instant; `asOf` for the month holding it),
   * in minor units: the monthly price of every subscription paying then, a yearly price counted as a twelfth, the
   * sum rounded to a whole minor unit.
   */
  mrrMinor: number;
  /** Subscriptions paying at the first instant of the month. */
  activeAtStart: number;
  /** Subscriptions that had paid and stopped paying within the month (up to `asOf`): paying at its start or not. */
  endedInMonth: number;
  /** endedInMonth / activeAtStart; null when none was active at the start. */
  churn: number | null;
}

/**
 * Revenue by provider, currency and month from the subscription mirror, without Temporal. A subscription pays from
 * the end of its trial (or its start, without one), inclusive, until it ended, exclusive; one that ended in its trial
 * never paid and counts nowhere. So MRR at a month's end is MRR at the next one's start. The mirror holds each
 * subscription's current price only, so a plan change reprices its past months too. Months after `asOf` are refused;
 * every month in range has a row for each provider and currency ever seen.
 */
export async function revenueByProviderAndMonth(
  prisma: PrismaClient,
  input: RevenueQueryInput,
  asOf: Date = new Date(),
): Promise<MonthlyRevenue[]> {
  const query = parseInput(revenueQuerySchema, input, 'revenue query');
  const from = monthStart(query.from);
  const to = monthStart(query.to);
  const span = monthsBetween(from, to);
  if (span < 0) throw new InputError('revenue query', [{ path: 'to', message: 'must not be before from' }]);
  if (span >= MAX_MONTHS) {
    throw new InputError('revenue query', [{ path: 'to', message: `must be within ${MAX_MONTHS} months of from` }]);
  }
  if (to > asOf) throw new InputError('revenue query', [{ path: 'to', message: 'must not be a future month' }]);
  const rows = await prisma.$queryRaw<
    {
      month: string;
      provider: BillingProviderName;
      currency: string;
      mrr_minor: number;
      active_at_start: number;
      ended_in_month: number;
    }[]
  >(Prisma.sql`
    WITH months AS (
      SELECT start, start + interval '1 month' AS "end", LEAST(start + interval '1 month', ${asOf}::timestamptz) AS measured
        FROM generate_series(${from}::timestamptz, ${to}::timestamptz, interval '1 month') AS start
    ), paying AS (
      SELECT provider, price_currency AS currency,
             CASE price_interval WHEN 'year' THEN price_amount_minor / 12.0 ELSE price_amount_minor::numeric END AS monthly,
             GREATEST(started_at, COALESCE(trial_end, started_at)) AS paying_from,
             ended_at AS paying_until
        FROM subscription
    )
    SELECT to_char(m.start AT TIME ZONE 'UTC', 'YYYY-MM') AS month, p.provider, p.currency,
           coalesce(round(sum(p.monthly) FILTER (
             WHERE p.paying_from <= m.measured AND (p.paying_until IS NULL OR p.paying_until > m.measured)
           )), 0)::float8 AS mrr_minor,
           count(*) FILTER (
             WHERE p.paying_from <= m.start AND (p.paying_until IS NULL OR p.paying_until > m.start)
           )::int AS active_at_start,
           count(*) FILTER (
             WHERE p.paying_until > p.paying_from AND p.paying_until > m.start AND p.paying_until <= m.measured
           )::int AS ended_in_month
      FROM months m CROSS JOIN paying p
     GROUP BY m.start, p.provider, p.currency
     ORDER BY m.start, p.provider, p.currency`);
  return rows.map((row) => ({
    month: row.month,
    provider: row.provider,
    currency: row.currency,
    mrrMinor: row.mrr_minor,
    activeAtStart: row.active_at_start,
    endedInMonth: row.ended_in_month,
    churn: row.active_at_start === 0 ? null : row.ended_in_month / row.active_at_start,
  }));
}

function monthStart(yearMonth: string): Date {
  return new Date(`${yearMonth}-01T00:00:00Z`);
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}
