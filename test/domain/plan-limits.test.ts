import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  latestExpirableClose,
  monthlyTicketLimitMessage,
  nextUtcMonthStart,
  type PlanPeriod,
  pastRetention,
  retentionDays,
  ticketTypesOverPlan,
  utcMonthStart,
  withinMonthlyTickets,
} from '../../domain/plan-limits.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';

describe('the monthly ticket count', () => {
  it('counts calendar months in UTC, whatever the hour', () => {
    expect(utcMonthStart(Date.UTC(2026, 11, 31, 23, 59, 59, 999))).toBe(Date.UTC(2026, 11, 1));
    expect(nextUtcMonthStart(Date.UTC(2026, 11, 31, 23, 59))).toBe(Date.UTC(2027, 0, 1));
    expect(utcMonthStart(Date.UTC(2027, 0, 1))).toBe(Date.UTC(2027, 0, 1));
  });

  it('allows up to the limit, and always when the plan has none', () => {
    expect(withinMonthlyTickets(50, 49)).toBe(true);
    expect(withinMonthlyTickets(50, 50)).toBe(false);
    expect(withinMonthlyTickets(0, 0)).toBe(false);
    expect(withinMonthlyTickets(null, 1_000_000)).toBe(true);
  });

  it('names the limit, the plan, when it starts again and where to upgrade', () => {
    const message = monthlyTicketLimitMessage({
      plan: 'free',
      ticketsPerMonth: 50,
      resetsAt: Date.UTC(2027, 0, 1),
      billingUrl: 'https://tickets.example.com/guilds/1/billing',
    });
    expect(message).toBe(
      'This server has opened 50 tickets this month, the limit of its free plan, so no more can be opened until ' +
        '2027-01-01 (UTC). A server admin can upgrade the plan at https://tickets.example.com/guilds/1/billing; ' +
        'an upgrade lifts the limit at once.',
    );
    expect(monthlyTicketLimitMessage({ plan: 'pro', ticketsPerMonth: 500, resetsAt: 0, billingUrl: null })).toContain(
      'in the Ticketflow panel',
    );
  });
});

describe('the ticket types a plan allows', () => {
  const free = { plan: 'free' as const, allowed: 3 };

  it('lets a configuration up to the limit be saved', () => {
    expect(ticketTypesOverPlan({ ...free, storedKeys: [], savedKeys: ['a', 'b', 'c'] })).toBeNull();
  });

  it('refuses more types than the plan allows, naming the limit and the plan', () => {
    expect(ticketTypesOverPlan({ ...free, storedKeys: ['a'], savedKeys: ['a', 'b', 'c', 'd'] })).toBe(
      'The free plan allows 3 ticket types; this configuration has 4. Remove some, or upgrade the plan for more.',
    );
  });

  it('keeps the types of an earlier plan, and any other change saves, but adds none while over the limit', () => {
    const stored = ['a', 'b', 'c', 'd', 'e'];
    expect(ticketTypesOverPlan({ ...free, storedKeys: stored, savedKeys: stored })).toBeNull();
    expect(ticketTypesOverPlan({ ...free, storedKeys: stored, savedKeys: ['a', 'b', 'c', 'd'] })).toBeNull();
    expect(ticketTypesOverPlan({ ...free, storedKeys: stored, savedKeys: ['a', 'b', 'c', 'x'] })).toMatch(
      /^The free plan allows 3 ticket types and this server already has 5; .* a new one \(x\) can be added only/,
    );
    expect(ticketTypesOverPlan({ ...free, storedKeys: stored, savedKeys: ['a', 'b', 'x'] })).toBeNull();
  });
});

describe('retention', () => {
  const asOf = Date.UTC(2026, 11, 6, 3);
  const daysAgo = (days: number) => asOf - days * DAY_MS;

  it('keeps a free guild’s closed tickets 7 days', () => {
    expect(retentionDays(daysAgo(10), asOf, [], DEFAULT_PLANS)).toBe(7);
    expect(pastRetention(daysAgo(7), asOf, [], DEFAULT_PLANS)).toBe(true);
    expect(pastRetention(daysAgo(7) + 1, asOf, [], DEFAULT_PLANS)).toBe(false);
  });

  it('keeps a ticket as long as the best plan held between its close and now: a downgrade deletes nothing early', () => {
    // Pro for the month after the close, free since.
    const held: PlanPeriod[] = [{ plan: 'pro', startsAt: daysAgo(40), endsAt: daysAgo(10) }];
    expect(retentionDays(daysAgo(20), asOf, held, DEFAULT_PLANS)).toBe(30);
    expect(pastRetention(daysAgo(20), asOf, held, DEFAULT_PLANS)).toBe(false);
    expect(pastRetention(daysAgo(30), asOf, held, DEFAULT_PLANS)).toBe(true);
    // Closed after pro ended: free's 7 days.
    expect(pastRetention(daysAgo(8), asOf, held, DEFAULT_PLANS)).toBe(true);
    // A plan that ended before the close promised it nothing.
    const before: PlanPeriod[] = [{ plan: 'enterprise', startsAt: daysAgo(100), endsAt: daysAgo(50) }];
    expect(retentionDays(daysAgo(45), asOf, before, DEFAULT_PLANS)).toBe(7);
  });

  it('keeps longer what is still there after an upgrade, and plans that start in the future promise nothing yet', () => {
    const upgraded: PlanPeriod[] = [{ plan: 'enterprise', startsAt: daysAgo(1), endsAt: null }];
    expect(retentionDays(daysAgo(9), asOf, upgraded, DEFAULT_PLANS)).toBe(365);
    const later: PlanPeriod[] = [{ plan: 'pro', startsAt: asOf + DAY_MS, endsAt: null }];
    expect(retentionDays(daysAgo(9), asOf, later, DEFAULT_PLANS)).toBe(7);
  });

  it('looks only at tickets closed before the retention of the plans held now', () => {
    expect(latestExpirableClose(asOf, [], DEFAULT_PLANS)).toBe(daysAgo(7));
    const pro: PlanPeriod[] = [{ plan: 'pro', startsAt: daysAgo(2), endsAt: null }];
    expect(latestExpirableClose(asOf, pro, DEFAULT_PLANS)).toBe(daysAgo(30));
  });
});
