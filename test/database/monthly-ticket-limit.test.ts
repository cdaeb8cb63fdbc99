import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import { DEFAULT_PLANS, type PlanCatalogue } from '../../domain/plans.ts';
import type { Registration } from '../../domain/ticket.ts';
import { grantManualEntitlement, revokeManualEntitlement } from '../../store/entitlements/manual-entitlements.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import {
  configuredGuild as configuredGuildOf,
  expectRegistered,
  guildFootprint,
  newSnowflake,
  openRequest,
} from './ticket-fixtures.ts';

/** An operator's catalogue: free opens 3 tickets a month here, so the limit is reached in a few opens. */
const PLANS: PlanCatalogue = {
  ...DEFAULT_PLANS,
  free: { ...DEFAULT_PLANS.free, ticketsPerMonth: 3 },
  pro: { ...DEFAULT_PLANS.pro, ticketsPerMonth: 5 },
};
const PUBLIC_URL = 'https://tickets.example.com';
const DECEMBER = Date.UTC(2026, 11, 6, 12);
const HOUR = 3_600_000;
const OPERATOR = '300000000000000001';

let database: TestDatabase;
let activities: DatabaseActivities;

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createDatabaseActivities(database.prisma, { plans: PLANS, publicUrl: PUBLIC_URL });
});

afterAll(async () => {
  await database?.cleanup();
});

const configuredGuild = () => configuredGuildOf(database.prisma, PLANS);

/** An open by a member of their own, so no per-member limit or cooldown gets in the way. */
function open(guildId: string, openedAt: number): Promise<Registration> {
  return activities.registerTicket({
    workflowId: `ticket-${newSnowflake()}`,
    request: openRequest(guildId, newSnowflake()),
    openedAt,
  });
}

async function openMany(guildId: string, count: number, openedAt: number): Promise<void> {
  for (let index = 0; index < count; index++) expectRegistered(await open(guildId, openedAt + index));
}

describe('the monthly ticket limit of the guild’s plan', () => {
  it('refuses the open past the limit, naming the limit, the plan and the billing page, and writes nothing', async () => {
    const guildId = await configuredGuild();
    await openMany(guildId, 3, DECEMBER);
    const before = await guildFootprint(database.prisma, guildId);

    const refused = await open(guildId, DECEMBER + HOUR);

    expect(refused).toEqual({
      outcome: 'refused',
      code: 'monthly_limit',
      message:
        'This server has opened 3 tickets this month, the limit of its free plan, so no more can be opened until ' +
        `2027-01-01 (UTC). A server admin can upgrade the plan at ${PUBLIC_URL}/guilds/${guildId}/billing; an ` +
        'upgrade lifts the limit at once.',
    });
    expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
  });

  it('counts calendar months in UTC: last month’s tickets leave this month’s free', async () => {
    const guildId = await configuredGuild();
    const lastMinuteOfNovember = Date.UTC(2026, 11, 1) - 60_000;
    await openMany(guildId, 3, lastMinuteOfNovember - 10);
    expect(await open(guildId, lastMinuteOfNovember)).toMatchObject({ code: 'monthly_limit' });
    await openMany(guildId, 3, Date.UTC(2026, 11, 1));
    expect(await open(guildId, Date.UTC(2026, 11, 31, 23, 59))).toMatchObject({ code: 'monthly_limit' });
  });

  it('lifts at once when the guild is granted a better plan, and comes back when that plan ends', async () => {
    const guildId = await configuredGuild();
    const now = Date.now();
    await openMany(guildId, 3, now);
    expect(await open(guildId, now + 1)).toMatchObject({ code: 'monthly_limit' });

    const { entitlement } = await grantManualEntitlement(database.prisma, {
      holder: { kind: 'guild', guildId },
      plan: 'pro',
      startsAt: new Date(now),
      endsAt: null,
      reason: 'upgrade test',
      operatorId: OPERATOR,
    });
    expect(expectRegistered(await open(guildId, now + 2)).number).toBe(4);
    expectRegistered(await open(guildId, now + 3));
    expect(await open(guildId, now + 4)).toMatchObject({
      code: 'monthly_limit',
      message: expect.stringContaining('opened 5 tickets this month, the limit of its pro plan'),
    });

    await revokeManualEntitlement(database.prisma, {
      entitlementId: entitlement.id,
      reason: 'downgrade test',
      operatorId: OPERATOR,
    });
    expect(await open(guildId, Date.now())).toMatchObject({ message: expect.stringContaining('its free plan') });
  });

  it('has no limit on a plan without one', async () => {
    const guildId = await configuredGuild();
    const now = Date.now();
    await grantManualEntitlement(database.prisma, {
      holder: { kind: 'guild', guildId },
      plan: 'enterprise',
      startsAt: new Date(now - HOUR),
      endsAt: null,
      reason: 'unlimited test',
      operatorId: OPERATOR,
    });
    await openMany(guildId, 8, now);
  });

  it('lets exactly one of several opens racing for the last ticket of the month through', async () => {
    const guildId = await configuredGuild();
    await openMany(guildId, 2, DECEMBER);
    const racing = await Promise.all(Array.from({ length: 6 }, (_, index) => open(guildId, DECEMBER + HOUR + index)));
    expect(racing.filter((registration) => registration.outcome === 'registered')).toHaveLength(1);
    expect(racing.filter((registration) => registration.outcome === 'refused')).toHaveLength(5);
    const { tickets, counter } = await guildFootprint(database.prisma, guildId);
    expect(tickets.map((ticket) => ticket.number)).toEqual([1, 2, 3]);
    expect(counter?.lastNumber).toBe(3);
  });

  it('answers a retried registration with its ticket even once the month is full', async () => {
    const guildId = await configuredGuild();
    const workflowId = `ticket-${newSnowflake()}`;
    const request = openRequest(guildId, newSnowflake());
    const first = expectRegistered(await activities.registerTicket({ workflowId, request, openedAt: DECEMBER }));
    await openMany(guildId, 2, DECEMBER + 1);
    expect(await activities.registerTicket({ workflowId, request, openedAt: DECEMBER })).toMatchObject({
      outcome: 'registered',
      ticketId: first.ticketId,
    });
  });
});
