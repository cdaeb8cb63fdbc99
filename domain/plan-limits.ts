import type { PlanCatalogue, PlanId } from './plans.ts';

/**
 * What a plan's limits mean for one guild: the monthly ticket count, the number of ticket types, and how long a
 * closed ticket's transcript and messages are kept. Pure, so the worker, the bot, the panel and workflows agree.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The first instant of the calendar month (UTC) that `at` falls in: the monthly ticket count starts there. */
export function utcMonthStart(at: number): number {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The first instant of the next calendar month (UTC): when the monthly count starts again. */
export function nextUtcMonthStart(at: number): number {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Whether one more ticket may be opened this month, given how many the guild opened in it already. */
export function withinMonthlyTickets(ticketsPerMonth: number | null, openedThisMonth: number): boolean {
  return ticketsPerMonth === null || openedThisMonth < ticketsPerMonth;
}

/**
 * The member's answer when the guild used up its plan's tickets this month: the limit, the plan, when the count
 * starts again and where an admin upgrades (the panel's billing page, when there is a panel).
 */
export function monthlyTicketLimitMessage(input: {
  plan: PlanId;
  ticketsPerMonth: number;
  /** When the count starts again: the next calendar month (UTC). */
  resetsAt: number;
  billingUrl: string | null;
}): string {
  const resets = new Date(input.resetsAt).toISOString().slice(0, 10);
  const upgrade = input.billingUrl
    ? `A server admin can upgrade the plan at ${input.billingUrl}`
    : 'A server admin can upgrade the plan in the Ticketflow panel';
  return (
    `This server has opened ${input.ticketsPerMonth} tickets this month, the limit of its ${input.plan} plan, ` +
    `so no more can be opened until ${resets} (UTC). ${upgrade}; an upgrade lifts the limit at once.`
  );
}

/**
 * Why a configuration's ticket types may not be saved under the guild's plan, or null when they may. A save may not
 * add a type past the plan's limit; types the guild already has are never taken away, so a guild that downgraded
 * keeps them all and can still save other changes, but adds a type only once it is back under the limit.
 */
export function ticketTypesOverPlan(input: {
  plan: PlanId;
  allowed: number;
  storedKeys: readonly string[];
  savedKeys: readonly string[];
}): string | null {
  const { plan, allowed, storedKeys, savedKeys } = input;
  if (savedKeys.length <= allowed) return null;
  const stored = new Set(storedKeys);
  const added = savedKeys.filter((key) => !stored.has(key));
  if (added.length === 0) return null;
  if (storedKeys.length > allowed) {
    return (
      `The ${plan} plan allows ${allowed} ticket types and this server already has ${storedKeys.length}; ` +
      `types from an earlier plan are kept, but a new one (${added.join(', ')}) can be added only after removing ` +
      `types until there are fewer than ${allowed}, or after upgrading the plan.`
    );
  }
  return (
    `The ${plan} plan allows ${allowed} ticket types; this configuration has ${savedKeys.length}. ` +
    'Remove some, or upgrade the plan for more.'
  );
}

/** A span of time in which a guild held a plan; `endsAt` null while it still holds it. Epoch milliseconds. */
export interface PlanPeriod {
  plan: PlanId;
  startsAt: number;
  endsAt: number | null;
}

/**
 * How many days a ticket closed at `closedAt` is kept, as of `asOf`: the longest retention of the free plan and of
 * every plan the guild held at any time from the close until `asOf`. So a downgrade never deletes anything before
 * the date an earlier plan promised, and an upgrade keeps longer whatever is still there.
 */
export function retentionDays(
  closedAt: number,
  asOf: number,
  held: readonly PlanPeriod[],
  plans: PlanCatalogue,
): number {
  let days = plans.free.transcriptRetentionDays;
  for (const period of held) {
    const overlaps = period.startsAt <= asOf && (period.endsAt === null || period.endsAt > closedAt);
    if (overlaps) days = Math.max(days, plans[period.plan].transcriptRetentionDays);
  }
  return days;
}

/** Whether a ticket closed at `closedAt` is past its retention at `asOf` (see retentionDays). */
export function pastRetention(
  closedAt: number,
  asOf: number,
  held: readonly PlanPeriod[],
  plans: PlanCatalogue,
): boolean {
  return asOf >= closedAt + retentionDays(closedAt, asOf, held, plans) * DAY_MS;
}

/**
 * The latest close that can be past retention at `asOf`: a later close overlaps at least the plans held now, so it is
 * kept at least as long as a ticket closing now. Only tickets closed at or before it need looking at.
 */
export function latestExpirableClose(asOf: number, held: readonly PlanPeriod[], plans: PlanCatalogue): number {
  return asOf - retentionDays(asOf, asOf, held, plans) * DAY_MS;
}
