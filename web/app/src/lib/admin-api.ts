import { action, json, query, redirect } from '@solidjs/router';
import { type ApiProblem, apiErrorOf, readJson, signInPagePath } from './api.ts';
import { apiRequest } from './api-request.ts';

/** The operators' pages (routes/admin/), as the admin API (web/server/routes/admin/) answers them; times ISO 8601. */

export type PlanId = 'free' | 'pro' | 'enterprise';
export type Provider = 'stripe' | 'paypal' | 'patreon';
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled_at_period_end' | 'ended';
export type Holder = { kind: 'guild'; guildId: string } | { kind: 'user'; userId: string };

export type WorkerHealth = {
  pollers: {
    taskQueue: string;
    kind: 'workflow' | 'activity';
    pollers: { identity: string; lastAccessAt: string | null }[];
  }[];
  failingActivities: {
    workflowId: string;
    workflowType: string;
    activityType: string;
    attempt: number;
    lastFailure: string | null;
    lastStartedAt: string | null;
  }[];
  inspected: { workflows: number; more: boolean };
};
export type RefusedWebhooks = { provider: Provider; reason: string; count: number; lastAt: string };
export type ServiceHealth = {
  workers: WorkerHealth | null;
  temporalError: string | null;
  refusedWebhooks: RefusedWebhooks[];
};

export type AdminEntitlement = {
  id: string;
  holder: Holder;
  plan: PlanId;
  source: Provider | 'manual';
  subscription: { provider: Provider; subscriptionId: string } | null;
  startsAt: string;
  endsAt: string | null;
  endedReason: string | null;
  createdBy: string;
  createdAt: string;
  assignedGuildIds: string[];
};
export type AdminSubscription = {
  provider: Provider;
  subscriptionId: string;
  customerId: string | null;
  holder: Holder;
  plan: PlanId;
  status: SubscriptionStatus;
  startedAt: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  trialEnd: string | null;
  paymentFailedAt: string | null;
  price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
  canceledAt: string | null;
  endedAt: string | null;
  createdAt: string;
};
export type AdminGuild = {
  guildId: string;
  plan: PlanId;
  ticketsPerMonth: number | null;
  ticketsThisMonth: number;
  grantedBy: Provider | 'manual' | null;
};
export type MonthlyRevenue = {
  month: string;
  provider: Provider;
  currency: string;
  mrrMinor: number;
  activeAtStart: number;
  endedInMonth: number;
  churn: number | null;
};

/** A list's filters as the page's address carries them: only what is set goes to the API. */
export type ListFilters = Record<string, string | undefined>;

function withFilters(path: string, filters: ListFilters): string {
  const search = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]?.trim()),
  );
  return search.size > 0 ? `${path}?${search}` : path;
}

/** A list, or why the API refused its filters (shown under them, to fix); null when the viewer is not an operator. */
export type Listed<T> = { page?: T; refused?: ApiProblem[] } | null;

async function readList<T>(path: string): Promise<Listed<T>> {
  const response = await apiRequest(path);
  if (response.status === 401) throw redirect(signInPagePath(path));
  if (response.status === 404) return null;
  if (response.status === 400) return { refused: (await apiErrorOf(response)).problems };
  if (!response.ok) throw await apiErrorOf(response);
  return { page: (await response.json()) as T };
}

/** Null when the viewer is not an operator (the API answers 404, as for a page that does not exist). */
export const getServiceHealth = query(
  (): Promise<ServiceHealth | null> => readJson<ServiceHealth>('/api/v1/admin/health'),
  'adminHealth',
);

export const getAdminSubscriptions = query(
  (filters: ListFilters) =>
    readList<{ subscriptions: AdminSubscription[]; nextCursor: string | null }>(
      withFilters('/api/v1/admin/subscriptions', filters),
    ),
  'adminSubscriptions',
);

export const getAdminEntitlements = query(
  (filters: ListFilters) =>
    readList<{ entitlements: AdminEntitlement[]; nextCursor: string | null }>(
      withFilters('/api/v1/admin/entitlements', filters),
    ),
  'adminEntitlements',
);

export const getAdminGuilds = query(
  (filters: ListFilters) =>
    readList<{ guilds: AdminGuild[]; nextCursor: string | null }>(withFilters('/api/v1/admin/guilds', filters)),
  'adminGuilds',
);

export const getRevenue = query(
  (filters: ListFilters) =>
    readList<{ from: string; to: string; months: MonthlyRevenue[] }>(withFilters('/api/v1/admin/revenue', filters)),
  'adminRevenue',
);

/** What an operator's change came to: done (with the server's entitlement), or refused with problems by field. */
export type ChangeOutcome = { done: AdminEntitlement; audited: boolean } | { problems: ApiProblem[] };

async function changeEntitlement(path: string, body: unknown): Promise<ChangeOutcome> {
  const response = await apiRequest(path, { method: 'POST', body });
  if (response.status === 401) throw redirect(signInPagePath(window.location.pathname));
  if (response.status === 400) return { problems: (await apiErrorOf(response)).problems };
  if (!response.ok) throw await apiErrorOf(response);
  const change = (await response.json()) as { entitlement: AdminEntitlement; action: string | null };
  return { done: change.entitlement, audited: change.action !== null };
}

/**
 * The answer of an entitlement action: a change refreshes the lists it shows in; a refusal refreshes nothing, so the
 * form keeps what was typed beside the problems.
 */
function answered(outcome: ChangeOutcome) {
  const lists = [getAdminEntitlements.key, getAdminGuilds.key, getAdminSubscriptions.key];
  return json(outcome, { revalidate: 'problems' in outcome ? [] : lists });
}

/** A day picked in the viewer's calendar, granted through its end: the instant the next day starts, or null. */
export function endOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Grants a guild a plan (`entitlementId`, made with the form, makes a double submission count once). */
export const grantEntitlement = action(
  async (form: FormData) =>
    answered(
      await changeEntitlement('/api/v1/admin/entitlements', {
        entitlementId: field(form, 'entitlementId') || undefined,
        guildId: field(form, 'guildId').trim(),
        plan: field(form, 'plan'),
        endsAt: endOfDay(field(form, 'endsOn')),
        reason: field(form, 'reason'),
      }),
    ),
  'grantEntitlement',
);

/** Moves a manual entitlement's end later (a blank day: until revoked). */
export const extendEntitlement = action(
  async (entitlementId: string, form: FormData) =>
    answered(
      await changeEntitlement(`/api/v1/admin/entitlements/${encodeURIComponent(entitlementId)}/extend`, {
        endsAt: endOfDay(field(form, 'endsOn')),
        reason: field(form, 'reason'),
      }),
    ),
  'extendEntitlement',
);

/** Ends a manual entitlement now. */
export const revokeEntitlement = action(
  async (entitlementId: string, form: FormData) =>
    answered(
      await changeEntitlement(`/api/v1/admin/entitlements/${encodeURIComponent(entitlementId)}/revoke`, {
        reason: field(form, 'reason'),
      }),
    ),
  'revokeEntitlement',
);
