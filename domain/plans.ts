import { z } from 'zod';

/** The tiers Ticketflow is sold in, lowest first: a guild's effective plan is the highest its active entitlements give. */
export const PLAN_IDS = ['free', 'pro', 'enterprise'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const planIdSchema = z.enum(PLAN_IDS);

export const planLimitsSchema = z.object({
  /** Tickets opened per guild per calendar month (UTC); null is unlimited. */
  ticketsPerMonth: z.number().int().min(0).nullable(),
  /** Closed tickets' transcripts and messages are deleted this many days after closing. */
  transcriptRetentionDays: z.number().int().min(1),
  ticketTypes: z.number().int().min(1),
  /** How many guilds a user-held entitlement of this plan can be assigned to. */
  guildsPerEntitlement: z.number().int().min(1),
  /** What is premium: each flag gates a page, a command or a job, and the panel says which plan unlocks it. */
  features: z.object({ stats: z.boolean(), exports: z.boolean(), customBot: z.boolean(), customDomain: z.boolean() }),
});
export type PlanLimits = z.infer<typeof planLimitsSchema>;
export type PlanFeature = keyof PlanLimits['features'];
export type PlanCatalogue = Record<PlanId, PlanLimits>;

/** The shipped catalogue; operators override any part of it in config (config/plans-config.ts), not in code. */
export const DEFAULT_PLANS: PlanCatalogue = {
  free: {
    ticketsPerMonth: 50,
    transcriptRetentionDays: 7,
    ticketTypes: 3,
    guildsPerEntitlement: 1,
    features: { stats: false, exports: false, customBot: false, customDomain: false },
  },
  pro: {
    ticketsPerMonth: 500,
    transcriptRetentionDays: 30,
    ticketTypes: 10,
    guildsPerEntitlement: 1,
    features: { stats: true, exports: true, customBot: false, customDomain: false },
  },
  enterprise: {
    ticketsPerMonth: null,
    transcriptRetentionDays: 365,
    ticketTypes: 25,
    guildsPerEntitlement: 5,
    features: { stats: true, exports: true, customBot: true, customDomain: true },
  },
};

export function planRank(plan: PlanId): number {
  return PLAN_IDS.indexOf(plan);
}

/** The best of the plans given, `free` when there are none. */
export function bestPlan(plans: Iterable<PlanId>): PlanId {
  let best: PlanId = 'free';
  for (const plan of plans) if (planRank(plan) > planRank(best)) best = plan;
  return best;
}
