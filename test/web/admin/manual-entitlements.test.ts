import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import { guildPlan } from '../../../store/entitlements/guild-plan.ts';
import { startWebSystem, type WebSystem } from '../support/web-system.ts';

/**
 * Operators' manual entitlements through the real routes: what is refused writes nothing, what is done is in the
 * entitlement store and its audit log with the operator and their reason, and the admin lists show it.
 */
let system: WebSystem;
let operator: string;
let guildA: string;

beforeAll(async () => {
  system = await startWebSystem();
  operator = (await system.signIn(system.operatorId)).cookie;
  guildA = system.guildA.guild.id;
});

afterAll(async () => {
  await system?.close();
});

function post(path: string, body: unknown): Promise<Response> {
  return system.request(path, {
    method: 'POST',
    cookie: operator,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function get<T>(path: string): Promise<T> {
  const response = await system.request(path, { cookie: operator });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

async function written(): Promise<{ entitlements: number; audits: number }> {
  const [entitlements, audits] = await Promise.all([
    system.db.prisma.entitlement.count(),
    system.db.prisma.entitlementAudit.count(),
  ]);
  return { entitlements, audits };
}

type Problems = { error: { code: string; problems: { path: string; message: string }[] } };
type Change = { entitlement: { id: string; plan: string; endsAt: string | null; source: string }; action: string };

const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

describe('a manual grant', () => {
  it('without a reason is a 400 naming reason, and writes nothing', async () => {
    const before = await written();
    const response = await post('/api/v1/admin/entitlements', { guildId: guildA, plan: 'pro', endsAt: inAMonth() });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Problems;
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.problems.map((problem) => problem.path)).toEqual(['reason']);
    expect(await written()).toEqual(before);
  });

  it('with a reason that says nothing, a free plan or an end in the past is a 400 naming each, and writes nothing', async () => {
    const before = await written();
    const blank = await post('/api/v1/admin/entitlements', {
      guildId: guildA,
      plan: 'pro',
      endsAt: inAMonth(),
      reason: '  ',
    });
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as Problems).error.problems).toEqual([
      { path: 'reason', message: 'must say why, in at least 3 characters' },
    ]);
    const free = await post('/api/v1/admin/entitlements', { guildId: guildA, plan: 'free', endsAt: null, reason: 'x' });
    expect(free.status).toBe(400);
    expect(((await free.json()) as Problems).error.problems.map((problem) => problem.path)).toContain('plan');
    const past = await post('/api/v1/admin/entitlements', {
      guildId: guildA,
      plan: 'pro',
      endsAt: '2020-01-01T00:00:00Z',
      reason: 'a late gift',
    });
    expect(past.status).toBe(400);
    expect(((await past.json()) as Problems).error.problems).toEqual([
      { path: 'endsAt', message: 'must be in the future' },
    ]);
    expect(await written()).toEqual(before);
  });

  it('grants the guild pro, audited with the operator and the reason; a retry with its id writes nothing more', async () => {
    const entitlementId = randomUUID();
    const grant = { entitlementId, guildId: guildA, plan: 'pro', endsAt: inAMonth(), reason: 'Beta tester thanks' };
    const response = await post('/api/v1/admin/entitlements', grant);
    expect(response.status).toBe(200);
    const change = (await response.json()) as Change;
    expect(change).toMatchObject({
      action: 'grant',
      entitlement: { id: entitlementId, plan: 'pro', source: 'manual' },
    });
    expect((await guildPlan(system.db.prisma, DEFAULT_PLANS, guildA)).plan).toBe('pro');

    const retry = await post('/api/v1/admin/entitlements', grant);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as Change).action).toBeNull();

    const audit = await listEntitlementAudit(system.db.prisma, entitlementId);
    expect(audit.map(({ action, actor, reason }) => ({ action, actor, reason }))).toEqual([
      { action: 'grant', actor: `manual:${system.operatorId}`, reason: 'Beta tester thanks' },
    ]);
  });

  it('is extended and revoked with reasons, each audited; a revoke without a reason writes nothing', async () => {
    const granted = (await (
      await post('/api/v1/admin/entitlements', {
        guildId: system.guildB.guild.id,
        plan: 'enterprise',
        endsAt: inAMonth(),
        reason: 'Partner server',
      })
    ).json()) as Change;
    const id = granted.entitlement.id;
    const later = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();

    const noReason = await post(`/api/v1/admin/entitlements/${id}/extend`, { endsAt: later });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as Problems).error.problems.map((problem) => problem.path)).toEqual(['reason']);

    const extended = await post(`/api/v1/admin/entitlements/${id}/extend`, { endsAt: later, reason: 'Renewed deal' });
    expect(extended.status).toBe(200);
    expect((await extended.json()) as Change).toMatchObject({ action: 'extend', entitlement: { endsAt: later } });

    const before = await written();
    const bareRevoke = await post(`/api/v1/admin/entitlements/${id}/revoke`, {});
    expect(bareRevoke.status).toBe(400);
    expect(await written()).toEqual(before);

    const revoked = await post(`/api/v1/admin/entitlements/${id}/revoke`, { reason: 'Partnership ended' });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as Change).action).toBe('revoke');
    expect((await guildPlan(system.db.prisma, DEFAULT_PLANS, system.guildB.guild.id)).plan).toBe('free');

    const audit = await listEntitlementAudit(system.db.prisma, id);
    expect(audit.map(({ action, reason }) => [action, reason])).toEqual([
      ['grant', 'Partner server'],
      ['extend', 'Renewed deal'],
      ['revoke', 'Partnership ended'],
    ]);
  });

  it('cannot revoke what is not there: a 400 naming entitlementId', async () => {
    const response = await post(`/api/v1/admin/entitlements/${randomUUID()}/revoke`, { reason: 'Cleaning up' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problems).error.problems.map((problem) => problem.path)).toEqual([
      'entitlementId',
    ]);
  });
});

describe('the admin lists', () => {
  it('show the guilds with their plan and usage, and the entitlements by filter', async () => {
    const guilds = await get<{ guilds: { guildId: string; plan: string; ticketsThisMonth: number }[] }>(
      '/api/v1/admin/guilds',
    );
    expect(guilds.guilds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ guildId: guildA, plan: 'pro', ticketsThisMonth: 0, grantedBy: 'manual' }),
        expect.objectContaining({ guildId: system.guildB.guild.id, plan: 'free', grantedBy: null }),
      ]),
    );

    const active = await get<{ entitlements: { holder: { guildId: string }; plan: string }[] }>(
      `/api/v1/admin/entitlements?source=manual&status=active&guild=${guildA}`,
    );
    expect(active.entitlements.map((entitlement) => [entitlement.holder.guildId, entitlement.plan])).toEqual([
      [guildA, 'pro'],
    ]);
    const stripe = await get<{ entitlements: unknown[] }>('/api/v1/admin/entitlements?source=stripe');
    expect(stripe.entitlements).toEqual([]);
  });

  it('page through entitlements with the cursor', async () => {
    const first = await get<{ entitlements: { id: string }[]; nextCursor: string | null }>(
      '/api/v1/admin/entitlements?limit=1',
    );
    expect(first.entitlements).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await get<{ entitlements: { id: string }[] }>(
      `/api/v1/admin/entitlements?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(second.entitlements.map((entitlement) => entitlement.id)).not.toEqual(
      first.entitlements.map((entitlement) => entitlement.id),
    );
  });

  it('refuse a bad filter with a 400 naming it', async () => {
    for (const [query, field] of [
      ['plan=gold', 'plan'],
      ['provider=venmo', 'provider'],
      ['guild=me', 'guild'],
      ['cursor=nonsense', 'cursor'],
    ]) {
      const response = await system.request(`/api/v1/admin/subscriptions?${query}`, { cookie: operator });
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as Problems;
      expect(
        body.error.problems.map((problem) => problem.path),
        query,
      ).toContain(field);
    }
    const revenue = await system.request('/api/v1/admin/revenue?from=2026-13', { cookie: operator });
    expect(revenue.status).toBe(400);
    expect(((await revenue.json()) as Problems).error.problems.map((problem) => problem.path)).toEqual(['from']);
  });

  it('list no subscription and no revenue before any provider sold one', async () => {
    expect((await get<{ subscriptions: unknown[] }>('/api/v1/admin/subscriptions')).subscriptions).toEqual([]);
    const revenue = await get<{ from: string; to: string; months: unknown[] }>('/api/v1/admin/revenue');
    expect(revenue.to).toBe(new Date().toISOString().slice(0, 7));
    expect(revenue.months).toEqual([]);
  });
});
