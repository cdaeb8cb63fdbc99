import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import { DatabaseFailureType } from '../../activities/database/failures.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { TicketEventKind as DomainEventKind } from '../../domain/ticket.ts';
import { TicketEventKind } from '../../prisma/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { expectNonRetryable, guildFootprint, newSnowflake, openRegisteredTicket } from './ticket-fixtures.ts';

let database: TestDatabase;
let activities: DatabaseActivities;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createDatabaseActivities(database.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
});

afterAll(async () => {
  await database?.cleanup();
});

const openTicket = () => openRegisteredTicket(database.prisma, activities, T0);

describe('recordTicketChange', () => {
  it('stores the event kinds of the domain, no more and no fewer', () => {
    const domainKinds: Record<DomainEventKind, true> = {
      opened: true,
      replied: true,
      assigned: true,
      unassigned: true,
      member_added: true,
      member_removed: true,
      role_added: true,
      timer_paused: true,
      timer_resumed: true,
      timer_disabled: true,
      reminder_sent: true,
      warning_sent: true,
      sla_breached: true,
      closed: true,
      priority_changed: true,
      labels_changed: true,
      renamed: true,
      moved: true,
      close_requested: true,
      close_request_accepted: true,
      close_request_declined: true,
      close_request_cancelled: true,
      close_request_expired: true,
      reopened: true,
      rated: true,
    };
    expect(Object.values(TicketEventKind).sort()).toEqual(Object.keys(domainKinds).sort());
  });

  it('applies the patch and appends the event together', async () => {
    const { guildId, ticketId, workflowId } = await openTicket();
    const staffId = newSnowflake();
    await activities.recordTicketChange({
      guildId,
      ticketId,
      event: {
        key: `${workflowId}:2:assigned`,
        kind: 'assigned',
        actorId: staffId,
        at: T0 + 1_000,
        data: { assigneeId: staffId },
      },
      patch: { assigneeId: staffId },
    });
    const { tickets, events } = await guildFootprint(database.prisma, guildId);
    expect(tickets[0]?.assigneeId).toBe(staffId);
    expect(events.map((event) => [event.key, event.kind, event.actorId, event.at, event.data])).toEqual([
      ['opened', 'opened', tickets[0]?.creatorId, new Date(T0), expect.anything()],
      [`${workflowId}:2:assigned`, 'assigned', staffId, new Date(T0 + 1_000), { assigneeId: staffId }],
    ]);
  });

  it('opens the ticket when it gets its thread, without an event', async () => {
    const { guildId, ticketId } = await openTicket();
    const threadId = newSnowflake();
    await activities.recordTicketChange({ guildId, ticketId, patch: { threadId } });
    const { tickets, events } = await guildFootprint(database.prisma, guildId);
    expect(tickets[0]).toMatchObject({ threadId, status: 'open' });
    expect(events).toHaveLength(1);
  });

  it('writes every change once when each call is retried', async () => {
    const { guildId, ticketId, workflowId, creatorId } = await openTicket();
    const staffId = newSnowflake();
    const memberId = newSnowflake();
    const threadId = newSnowflake();
    const changes: Parameters<DatabaseActivities['recordTicketChange']>[0][] = [
      { guildId, ticketId, patch: { threadId } },
      {
        guildId,
        ticketId,
        event: { key: `${workflowId}:2:member_added`, kind: 'member_added', actorId: staffId, at: T0 + 1_000 },
        patch: { memberIdAdded: memberId },
      },
      {
        guildId,
        ticketId,
        event: { key: `${workflowId}:3:timer_paused`, kind: 'timer_paused', actorId: staffId, at: T0 + 2_000 },
        patch: { timerState: 'paused', lastActivityAt: T0 + 2_000 },
      },
      {
        guildId,
        ticketId,
        event: {
          key: `${workflowId}:4:closed`,
          kind: 'closed',
          actorId: creatorId,
          at: T0 + 3_000,
          data: { reason: 'solved' },
        },
        patch: {
          status: 'closed',
          closedAt: T0 + 3_000,
          closeReason: 'solved',
          closedById: creatorId,
          transcriptKey: `${guildId}/0001`,
        },
      },
    ];
    for (const change of changes) await activities.recordTicketChange(change);
    const once = await guildFootprint(database.prisma, guildId);
    for (const change of changes) await activities.recordTicketChange(change);
    expect(await guildFootprint(database.prisma, guildId)).toEqual(once);

    expect(once.tickets[0]).toMatchObject({
      threadId,
      status: 'closed',
      timerState: 'paused',
      lastActivityAt: new Date(T0 + 2_000),
      closedAt: new Date(T0 + 3_000),
      closeReason: 'solved',
      closedById: creatorId,
      transcriptKey: `${guildId}/0001`,
    });
    expect(once.members).toMatchObject([
      { ticketId, userId: memberId, addedById: staffId, addedAt: new Date(T0 + 1_000) },
    ]);
    expect(once.events.map((event) => event.kind)).toEqual(['opened', 'member_added', 'timer_paused', 'closed']);
  });

  it('does not re-apply a retried change over a later one', async () => {
    const { guildId, ticketId, workflowId } = await openTicket();
    const first = newSnowflake();
    const second = newSnowflake();
    const assignFirst = {
      guildId,
      ticketId,
      event: { key: `${workflowId}:2:assigned`, kind: 'assigned' as const, actorId: first, at: T0 + 1 },
      patch: { assigneeId: first },
    };
    await activities.recordTicketChange(assignFirst);
    await activities.recordTicketChange({
      guildId,
      ticketId,
      event: { key: `${workflowId}:3:assigned`, kind: 'assigned', actorId: second, at: T0 + 2 },
      patch: { assigneeId: second },
    });
    await activities.recordTicketChange(assignFirst);
    const { tickets } = await guildFootprint(database.prisma, guildId);
    expect(tickets[0]?.assigneeId).toBe(second);
  });

  it('never moves lastActivityAt backwards', async () => {
    const { guildId, ticketId } = await openTicket();
    await activities.recordTicketChange({ guildId, ticketId, patch: { lastActivityAt: T0 - 60_000 } });
    const { tickets } = await guildFootprint(database.prisma, guildId);
    expect(tickets[0]?.lastActivityAt).toEqual(new Date(T0));
  });

  it('refuses an event key reused for another kind, and changes nothing', async () => {
    const { guildId, ticketId, workflowId } = await openTicket();
    const staffId = newSnowflake();
    const key = `${workflowId}:2:assigned`;
    await activities.recordTicketChange({
      guildId,
      ticketId,
      event: { key, kind: 'assigned', actorId: staffId, at: T0 + 1 },
      patch: { assigneeId: staffId },
    });
    const before = await guildFootprint(database.prisma, guildId);
    await expectNonRetryable(
      activities.recordTicketChange({
        guildId,
        ticketId,
        event: { key, kind: 'closed', actorId: staffId, at: T0 + 2 },
        patch: { status: 'closed', closedAt: T0 + 2 },
      }),
      DatabaseFailureType.eventKeyConflict,
      'already stored as a assigned event, not closed',
    );
    expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
  });

  it("refuses another guild's ticket and touches neither guild", async () => {
    const a = await openTicket();
    const b = await openTicket();
    const beforeA = await guildFootprint(database.prisma, a.guildId);
    const beforeB = await guildFootprint(database.prisma, b.guildId);
    await expectNonRetryable(
      activities.recordTicketChange({
        guildId: b.guildId,
        ticketId: a.ticketId,
        event: { key: 'cross-guild', kind: 'closed', actorId: null, at: T0 + 1 },
        patch: { status: 'closed', closedAt: T0 + 1, memberIdAdded: newSnowflake() },
      }),
      DatabaseFailureType.ticketNotFound,
      `ticket ${a.ticketId} does not exist in guild ${b.guildId}`,
    );
    expect(await guildFootprint(database.prisma, a.guildId)).toEqual(beforeA);
    expect(await guildFootprint(database.prisma, b.guildId)).toEqual(beforeB);
  });

  it('removes a member: off ticket_member and keeps the removal as an event, once however often it is retried', async () => {
    const { guildId, ticketId, workflowId } = await openTicket();
    const [staffId, guestId, otherId] = [newSnowflake(), newSnowflake(), newSnowflake()];
    for (const [index, memberId] of [guestId, otherId].entries()) {
      await activities.recordTicketChange({
        guildId,
        ticketId,
        event: { key: `${workflowId}:${index + 1}:member_added`, kind: 'member_added', actorId: staffId, at: T0 },
        patch: { memberIdAdded: memberId },
      });
    }
    const removal = {
      guildId,
      ticketId,
      event: {
        key: `${workflowId}:3:member_removed`,
        kind: 'member_removed' as const,
        actorId: staffId,
        at: T0 + 1_000,
        data: { memberId: guestId as string },
      },
      patch: { memberIdRemoved: guestId },
    };
    await activities.recordTicketChange(removal);
    await activities.recordTicketChange(removal);

    const members = await database.prisma.ticketMember.findMany({ where: { guildId, ticketId } });
    expect(members.map((member) => member.userId)).toEqual([otherId]);
    const events = await database.prisma.ticketEvent.findMany({ where: { guildId, ticketId }, orderBy: { id: 'asc' } });
    expect(events.map((event) => event.kind)).toEqual(['opened', 'member_added', 'member_added', 'member_removed']);
    expect(events.at(-1)?.data).toEqual({ memberId: guestId });
  });

  it('rejects a misspelt patch column for good', async () => {
    const { guildId, ticketId } = await openTicket();
    const before = await guildFootprint(database.prisma, guildId);
    await expectNonRetryable(
      activities.recordTicketChange({ guildId, ticketId, patch: { status: 'closed', closedAT: T0 } as never }),
      DatabaseFailureType.invalidInput,
      'invalid ticket patch',
    );
    expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
  });
});
