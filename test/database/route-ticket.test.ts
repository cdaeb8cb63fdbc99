import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTicket } from '../../activities/database/route-ticket.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { RoutingMode, WorkingHours } from '../../domain/routing.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { setStaffAvailability } from '../../store/staff-roster.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { guildConfigInput, newSnowflake } from './ticket-fixtures.ts';
import { createOpenTicketRow } from './ticket-rows.ts';

let database: TestDatabase;
/** Monday 5 January 2026, 12:00 UTC. */
const NOON = Date.UTC(2026, 0, 5, 12, 0, 0);

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

interface RoutedGuild {
  guildId: string;
  staffRoleId: string;
  /** Opens a ticket row (as registerTicket leaves it, without the limits) and routes it; returns the choice. */
  open(mode: RoutingMode, at?: number): Promise<{ ticketId: string; assigneeId: string | null }>;
  staff(userId: string, options?: { away?: boolean; hours?: WorkingHours; roleIds?: string[] }): Promise<void>;
  openCounts(): Promise<Map<string, number>>;
}

async function routedGuild(): Promise<RoutedGuild> {
  const { prisma } = database;
  const guildId = newSnowflake();
  const config = guildConfigInput();
  await createGuildConfigRepository(prisma, DEFAULT_PLANS).saveGuildConfig(guildId, permissiveGuildDirectory, config);
  const staffRoleId = config.staffRoleIds?.[0] as string;
  let number = 0;
  const createTicket = (at: number) => {
    number += 1;
    return createOpenTicketRow(prisma, { guildId, number, at });
  };
  return {
    guildId,
    staffRoleId,
    async open(mode, at = NOON) {
      const ticketId = await createTicket(at);
      const { assigneeId } = await routeTicket(prisma, {
        guildId,
        ticketId,
        typeKey: 'support',
        mode,
        staffRoleIds: [staffRoleId],
        at,
      });
      return { ticketId, assigneeId };
    },
    async staff(userId, options = {}) {
      await setStaffAvailability(prisma, {
        guildId,
        userId,
        roleIds: options.roleIds ?? [staffRoleId],
        away: options.away ?? false,
        hours: options.hours ?? null,
        at: NOON,
      });
    },
    async openCounts() {
      const rows = await prisma.ticket.groupBy({
        by: ['assigneeId'],
        where: { guildId, status: 'open', assigneeId: { not: null } },
        _count: { _all: true },
      });
      return new Map(rows.map((row) => [row.assigneeId ?? '', row._count._all]));
    },
  };
}

/** How many of `choices` went to each id. */
function tally(choices: (string | null)[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const id of choices) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('routing new tickets', () => {
  it('round robin over 100 opens: available staff differ by at most one; away, off-hours and non-staff get none', async () => {
    const guild = await routedGuild();
    const [ana, ben, cat, away, asleep, outsider] = Array.from({ length: 6 }, newSnowflake);
    for (const id of [ana, ben, cat]) await guild.staff(id as string);
    await guild.staff(away as string, { away: true });
    // 22:00-06:00 in Berlin: noon UTC is 13:00 there.
    await guild.staff(asleep as string, {
      hours: { startMinute: 22 * 60, endMinute: 6 * 60, timeZone: 'Europe/Berlin' },
    });
    await guild.staff(outsider as string, { roleIds: [newSnowflake()] });

    const choices: (string | null)[] = [];
    for (let open = 0; open < 100; open++) choices.push((await guild.open('round_robin')).assigneeId);
    const counts = tally(choices);
    expect([...counts.keys()].sort()).toEqual([ana, ben, cat].sort());
    const loads = [ana, ben, cat].map((id) => counts.get(id as string) ?? 0);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b)).toBe(100);
    // In turn: no one twice in a row.
    expect(choices.every((id, index) => index === 0 || id !== choices[index - 1])).toBe(true);
    expect(await guild.openCounts()).toEqual(counts);

    // At 23:00 in Berlin the night shift is within its hours and takes its turn.
    const night = Date.UTC(2026, 0, 5, 22, 0, 0);
    const nightChoices = [];
    for (let open = 0; open < 4; open++) nightChoices.push((await guild.open('round_robin', night)).assigneeId);
    expect(new Set(nightChoices)).toEqual(new Set([ana, ben, cat, asleep]));
  });

  it('least open picks the least loaded, across types, and the fewest after closes', async () => {
    const guild = await routedGuild();
    const [ana, ben, cat] = Array.from({ length: 3 }, newSnowflake) as [string, string, string];
    for (const id of [ana, ben, cat]) await guild.staff(id);
    // Ana starts with 5 open tickets, Cat with 2 (of any type: the load is the guild's).
    for (const [id, count] of [
      [ana, 5],
      [cat, 2],
    ] as const) {
      for (let index = 0; index < count; index++) {
        const { ticketId } = await guild.open('off');
        await database.prisma.ticket.update({
          where: { guildId_id: { guildId: guild.guildId, id: ticketId } },
          data: { assigneeId: id },
        });
      }
    }
    for (let open = 0; open < 100; open++) {
      const before = await guild.openCounts();
      const fewest = Math.min(...[ana, ben, cat].map((id) => before.get(id) ?? 0));
      const { assigneeId } = await guild.open('least_open');
      expect(before.get(assigneeId as string) ?? 0).toBe(fewest);
    }
    const loads = await guild.openCounts();
    expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    expect([...loads.values()].reduce((a, b) => a + b)).toBe(107);

    // Ben closes ten of his: he has the fewest and takes the next ones until he catches up.
    const bens = await database.prisma.ticket.findMany({
      where: { guildId: guild.guildId, assigneeId: ben },
      take: 10,
    });
    await database.prisma.ticket.updateMany({
      where: { id: { in: bens.map((t) => t.id) } },
      data: { status: 'closed' },
    });
    const next = [];
    for (let open = 0; open < 10; open++) next.push((await guild.open('least_open')).assigneeId);
    expect(next.slice(0, 9).every((id) => id === ben)).toBe(true);
  });

  it('falls back to nobody when no staff member is available, and keeps the turn', async () => {
    const guild = await routedGuild();
    const [ana, ben] = Array.from({ length: 2 }, newSnowflake) as [string, string];
    await guild.staff(ana, { away: true });
    expect((await guild.open('round_robin')).assigneeId).toBeNull();
    expect((await guild.open('least_open')).assigneeId).toBeNull();
    await guild.staff(ben);
    expect((await guild.open('round_robin')).assigneeId).toBe(ben);
    await guild.staff(ana);
    expect((await guild.open('round_robin')).assigneeId).toBe(ana);
  });

  it('answers the same for the same ticket, however often and however concurrently it is asked', async () => {
    const guild = await routedGuild();
    const staff = Array.from({ length: 3 }, newSnowflake) as string[];
    for (const id of staff) await guild.staff(id);
    const { ticketId, assigneeId } = await guild.open('round_robin');
    const again = await Promise.all(
      Array.from({ length: 5 }, () =>
        routeTicket(database.prisma, {
          guildId: guild.guildId,
          ticketId,
          typeKey: 'support',
          mode: 'round_robin',
          staffRoleIds: [guild.staffRoleId],
          at: NOON,
        }),
      ),
    );
    expect(again.map((choice) => choice.assigneeId)).toEqual(Array(5).fill(assigneeId));
    expect(await database.prisma.routingChoice.count({ where: { guildId: guild.guildId } })).toBe(1);
    // The retries did not move the turn: the next ticket goes to the next one.
    expect((await guild.open('round_robin')).assigneeId).not.toBe(assigneeId);
  });

  it('never gives one round-robin turn twice when 100 tickets open at once', async () => {
    const guild = await routedGuild();
    const staff = Array.from({ length: 4 }, newSnowflake) as string[];
    for (const id of staff) await guild.staff(id);
    const choices = await Promise.all(Array.from({ length: 100 }, () => guild.open('round_robin')));
    const counts = tally(choices.map((choice) => choice.assigneeId));
    expect(staff.map((id) => counts.get(id))).toEqual([25, 25, 25, 25]);
    const concurrentLeast = await Promise.all(Array.from({ length: 40 }, () => guild.open('least_open')));
    const loads = await guild.openCounts();
    expect(staff.map((id) => loads.get(id))).toEqual([35, 35, 35, 35]);
    expect(concurrentLeast.every((choice) => choice.assigneeId !== null)).toBe(true);
  });
});
