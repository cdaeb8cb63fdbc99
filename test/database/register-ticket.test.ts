import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import { DatabaseFailureType } from '../../activities/database/failures.ts';
import { DUPLICATE_WINDOW_MS } from '../../activities/database/register-ticket.ts';
import type { GuildConfigInput } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { RefusalCode, RefusalValues } from '../../domain/ticket.ts';
import { createGuildConfigRepository, type GuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import {
  expectNonRetryable,
  expectRegistered,
  guildConfigInput,
  guildFootprint,
  newSnowflake,
  openRequest,
} from './ticket-fixtures.ts';

let database: TestDatabase;
let activities: DatabaseActivities;
let guilds: GuildConfigRepository;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
const MINUTE = 60_000;

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createDatabaseActivities(database.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
  guilds = createGuildConfigRepository(database.prisma, DEFAULT_PLANS);
});

afterAll(async () => {
  await database?.cleanup();
});

async function configuredGuild(overrides: Partial<GuildConfigInput> = {}) {
  const guildId = newSnowflake();
  const config = await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput(overrides));
  return { guildId, config };
}

describe('registerTicket', () => {
  it('writes the ticket row and its opened event, and answers with the settings snapshot in ms', async () => {
    const { guildId, config } = await configuredGuild({
      inactivityTimeoutMinutes: 60,
      inactivityGraceMinutes: 30,
      language: 'fr',
    });
    const creatorId = newSnowflake();
    const request = openRequest(guildId, creatorId);

    const registration = expectRegistered(
      await activities.registerTicket({ workflowId: 'ticket-wf-1', request, openedAt: T0 }),
    );

    expect(registration.number).toBe(1);
    expect(registration.settings).toEqual({
      typeName: 'Support',
      openingMessage: 'Staff will be with you shortly.',
      questions: ['What happened?', 'Since when?'],
      staffRoleIds: [...config.staffRoleIds].sort(),
      ticketChannelId: config.ticketChannelId,
      historiesChannelId: config.historiesChannelId,
      remindersChannelId: null,
      notificationRoleId: config.notificationRoleId,
      inactivityTimeoutMs: 60 * MINUTE,
      inactivityGraceMs: 30 * MINUTE,
      reminderIntervalMs: 7 * 24 * 60 * MINUTE,
      language: 'fr',
      reopenWindowMs: 7 * 24 * 60 * MINUTE,
      closingDmEnabled: true,
      sla: {
        supportHours: { timeZone: 'UTC', windows: [], holidays: [] },
        firstResponseMinutes: null,
        resolutionMinutes: null,
        escalationRoleId: null,
      },
    });
    const { tickets, events, counter } = await guildFootprint(database.prisma, guildId);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      id: registration.ticketId,
      guildId,
      number: 1,
      workflowId: 'ticket-wf-1',
      typeKey: 'support',
      typeName: 'Support',
      creatorId,
      creatorName: request.creator.name,
      assigneeId: null,
      threadId: null,
      status: 'opening',
      timerState: 'running',
      answers: request.answers,
      openedAt: new Date(T0),
      lastActivityAt: new Date(T0),
      closedAt: null,
    });
    expect(events).toMatchObject([
      { ticketId: registration.ticketId, key: 'opened', kind: 'opened', actorId: creatorId, at: new Date(T0) },
    ]);
    expect(counter?.lastNumber).toBe(1);
  });

  it('leaves out the notification role while notifications are off', async () => {
    const { guildId } = await configuredGuild({ notificationsEnabled: false });
    const registration = expectRegistered(
      await activities.registerTicket({
        workflowId: 'ticket-wf-quiet',
        request: openRequest(guildId, newSnowflake()),
        openedAt: T0,
      }),
    );
    expect(registration.settings.notificationRoleId).toBeNull();
  });

  it('answers a retry with the same ticket and writes nothing twice, even after the config changed', async () => {
    const { guildId } = await configuredGuild();
    const input = { workflowId: 'ticket-wf-retry', request: openRequest(guildId, newSnowflake()), openedAt: T0 };
    const first = await activities.registerTicket(input);
    const after = await guildFootprint(database.prisma, guildId);
    await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput({ inactivityTimeoutMinutes: 15 }));

    const second = await activities.registerTicket(input);
    expect(second).toEqual(first);
    expect(await guildFootprint(database.prisma, guildId)).toEqual(after);
  });

  it('refuses a workflow id already registered in another guild', async () => {
    const { guildId } = await configuredGuild();
    const { guildId: otherGuildId } = await configuredGuild();
    await activities.registerTicket({
      workflowId: 'ticket-wf-shared',
      request: openRequest(guildId, newSnowflake()),
      openedAt: T0,
    });
    const before = await guildFootprint(database.prisma, otherGuildId);
    await expectNonRetryable(
      activities.registerTicket({
        workflowId: 'ticket-wf-shared',
        request: openRequest(otherGuildId, newSnowflake()),
        openedAt: T0,
      }),
      DatabaseFailureType.workflowIdConflict,
      'ticket-wf-shared',
    );
    expect(await guildFootprint(database.prisma, otherGuildId)).toEqual(before);
  });

  it('numbers 50 concurrent opens in one guild 1..50 with no gap or repeat', async () => {
    const { guildId } = await configuredGuild();
    const registrations = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        activities.registerTicket({
          workflowId: `ticket-wf-burst-${index}`,
          request: openRequest(guildId, newSnowflake()),
          openedAt: T0 + index,
        }),
      ),
    );
    const numbers = registrations.map((registration) => expectRegistered(registration).number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const { tickets, events, counter } = await guildFootprint(database.prisma, guildId);
    expect(tickets.map((ticket) => ticket.number)).toEqual(numbers);
    expect(events).toHaveLength(50);
    expect(counter?.lastNumber).toBe(50);
  });

  it('numbers each guild on its own, also when they open at the same time', async () => {
    const { guildId: a } = await configuredGuild();
    const { guildId: b } = await configuredGuild();
    const opens = Array.from({ length: 10 }, (_, index) => [
      activities.registerTicket({
        workflowId: `ticket-wf-a-${index}`,
        request: openRequest(a, newSnowflake()),
        openedAt: T0,
      }),
      activities.registerTicket({
        workflowId: `ticket-wf-b-${index}`,
        request: openRequest(b, newSnowflake()),
        openedAt: T0,
      }),
    ]).flat();
    await Promise.all(opens);
    for (const guildId of [a, b]) {
      const { tickets } = await guildFootprint(database.prisma, guildId);
      expect(tickets.map((ticket) => ticket.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });

  it('answers a double click with the first ticket instead of opening a second', async () => {
    const { guildId } = await configuredGuild();
    const creatorId = newSnowflake();
    const first = expectRegistered(
      await activities.registerTicket({
        workflowId: 'ticket-wf-click-1',
        request: openRequest(guildId, creatorId),
        openedAt: T0,
      }),
    );
    const before = await guildFootprint(database.prisma, guildId);

    const second = await activities.registerTicket({
      workflowId: 'ticket-wf-click-2',
      request: openRequest(guildId, creatorId),
      openedAt: T0 + DUPLICATE_WINDOW_MS - 1,
    });
    expect(second).toEqual({
      outcome: 'duplicate',
      number: first.number,
      workflowId: 'ticket-wf-click-1',
      threadId: null,
    });
    expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
  });

  it('opens one ticket when two clicks and a retry arrive at the same moment', async () => {
    const { guildId } = await configuredGuild();
    const creatorId = newSnowflake();
    const request = openRequest(guildId, creatorId);
    const [first, retry, second] = await Promise.all([
      activities.registerTicket({ workflowId: 'ticket-wf-race-1', request, openedAt: T0 }),
      activities.registerTicket({ workflowId: 'ticket-wf-race-1', request, openedAt: T0 }),
      activities.registerTicket({ workflowId: 'ticket-wf-race-2', request, openedAt: T0 + 300 }),
    ]);
    const { tickets, events } = await guildFootprint(database.prisma, guildId);
    expect(tickets).toHaveLength(1);
    expect(events).toHaveLength(1);
    const winner = tickets[0];
    expect(retry).toEqual(first);
    const outcomes = [first, second].map((registration) => registration.outcome).sort();
    expect(outcomes).toEqual(['duplicate', 'registered']);
    expect([first, second].find((registration) => registration.outcome === 'duplicate')).toEqual({
      outcome: 'duplicate',
      number: 1,
      workflowId: winner?.workflowId,
      threadId: null,
    });
  });

  it('reports the thread of the first ticket once it has one', async () => {
    const { guildId } = await configuredGuild();
    const creatorId = newSnowflake();
    const first = expectRegistered(
      await activities.registerTicket({
        workflowId: 'ticket-wf-thread-1',
        request: openRequest(guildId, creatorId),
        openedAt: T0,
      }),
    );
    const threadId = newSnowflake();
    await activities.recordTicketChange({ guildId, ticketId: first.ticketId, patch: { threadId } });
    const second = await activities.registerTicket({
      workflowId: 'ticket-wf-thread-2',
      request: openRequest(guildId, creatorId),
      openedAt: T0 + 2_000,
    });
    expect(second).toMatchObject({ outcome: 'duplicate', workflowId: 'ticket-wf-thread-1', threadId });
  });

  it('opens a second ticket of another type or after the duplicate window', async () => {
    const { guildId } = await configuredGuild({
      ticketTypes: [
        { key: 'support', name: 'Support', openLimit: 2 },
        { key: 'billing', name: 'Billing' },
      ],
    });
    const creatorId = newSnowflake();
    await activities.registerTicket({
      workflowId: 'ticket-wf-win-1',
      request: openRequest(guildId, creatorId),
      openedAt: T0,
    });
    const otherType = await activities.registerTicket({
      workflowId: 'ticket-wf-win-2',
      request: openRequest(guildId, creatorId, 'billing'),
      openedAt: T0 + 1_000,
    });
    const later = await activities.registerTicket({
      workflowId: 'ticket-wf-win-3',
      request: openRequest(guildId, creatorId),
      openedAt: T0 + DUPLICATE_WINDOW_MS,
    });
    expect(expectRegistered(otherType).number).toBe(2);
    expect(expectRegistered(later).number).toBe(3);
  });

  describe('refusals write nothing', () => {
    async function expectRefused(
      guildId: string,
      input: Parameters<DatabaseActivities['registerTicket']>[0],
      code: RefusalCode,
      message: string,
      values?: RefusalValues,
    ) {
      const before = await guildFootprint(database.prisma, guildId);
      const registration = await activities.registerTicket(input);
      // The bot words the refusal in the member's language from the code and values; the message is for operators.
      expect(registration).toEqual({ outcome: 'refused', code, message, ...(values ? { values } : {}) });
      expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
    }

    it('unknown_guild', async () => {
      const guildId = newSnowflake();
      await expectRefused(
        guildId,
        { workflowId: 'ticket-wf-no-guild', request: openRequest(guildId, newSnowflake()), openedAt: T0 },
        'unknown_guild',
        'Tickets are not set up in this server yet.',
      );
    });

    it('unknown_type', async () => {
      const { guildId } = await configuredGuild();
      await expectRefused(
        guildId,
        { workflowId: 'ticket-wf-no-type', request: openRequest(guildId, newSnowflake(), 'appeals'), openedAt: T0 },
        'unknown_type',
        'This server has no ticket type "appeals".',
        { type: 'appeals' },
      );
    });

    it('blocked', async () => {
      const blockedId = newSnowflake();
      const { guildId } = await configuredGuild({ blockedUserIds: [blockedId] });
      await expectRefused(
        guildId,
        { workflowId: 'ticket-wf-blocked', request: openRequest(guildId, blockedId), openedAt: T0 },
        'blocked',
        'You are not allowed to open tickets in this server.',
      );
    });

    it('type_limit', async () => {
      const { guildId } = await configuredGuild();
      const creatorId = newSnowflake();
      await activities.registerTicket({
        workflowId: 'ticket-wf-type-1',
        request: openRequest(guildId, creatorId),
        openedAt: T0,
      });
      await expectRefused(
        guildId,
        { workflowId: 'ticket-wf-type-2', request: openRequest(guildId, creatorId), openedAt: T0 + MINUTE },
        'type_limit',
        'You already have 1 open "Support" ticket; the limit is 1.',
        { count: 1, limit: 1, type: 'Support' },
      );
    });

    it('member_limit', async () => {
      const { guildId } = await configuredGuild({ openLimitPerMember: 2 });
      const creatorId = newSnowflake();
      await activities.registerTicket({
        workflowId: 'ticket-wf-member-1',
        request: openRequest(guildId, creatorId),
        openedAt: T0,
      });
      await activities.registerTicket({
        workflowId: 'ticket-wf-member-2',
        request: openRequest(guildId, creatorId, 'billing'),
        openedAt: T0 + MINUTE,
      });
      await expectRefused(
        guildId,
        {
          workflowId: 'ticket-wf-member-3',
          request: openRequest(guildId, creatorId, 'billing'),
          openedAt: T0 + 2 * MINUTE,
        },
        'member_limit',
        'You already have 2 open tickets; the limit is 2.',
        { count: 2, limit: 2 },
      );
    });

    it('cooldown, counted from the last open even when that ticket is closed', async () => {
      const { guildId } = await configuredGuild({ openCooldownSeconds: 600 });
      const creatorId = newSnowflake();
      const first = expectRegistered(
        await activities.registerTicket({
          workflowId: 'ticket-wf-cool-1',
          request: openRequest(guildId, creatorId),
          openedAt: T0,
        }),
      );
      await activities.recordTicketChange({
        guildId,
        ticketId: first.ticketId,
        event: { key: 'ticket-wf-cool-1:1:closed', kind: 'closed', actorId: creatorId, at: T0 + MINUTE },
        patch: { status: 'closed', closedAt: T0 + MINUTE, closedById: creatorId },
      });
      await expectRefused(
        guildId,
        { workflowId: 'ticket-wf-cool-2', request: openRequest(guildId, creatorId), openedAt: T0 + 2 * MINUTE },
        'cooldown',
        'You opened a ticket moments ago; try again in 480 s.',
        { seconds: 480 },
      );
      const afterCooldown = await activities.registerTicket({
        workflowId: 'ticket-wf-cool-3',
        request: openRequest(guildId, creatorId),
        openedAt: T0 + 10 * MINUTE,
      });
      expect(expectRegistered(afterCooldown).number).toBe(2);
    });
  });

  it('rejects malformed input for good, before touching the database', async () => {
    const { guildId } = await configuredGuild();
    const before = await guildFootprint(database.prisma, guildId);
    await expectNonRetryable(
      activities.registerTicket({
        workflowId: 'ticket-wf-bad',
        request: { ...openRequest(guildId, 'not-a-snowflake') },
        openedAt: Number.NaN,
      }),
      DatabaseFailureType.invalidInput,
      'request.creator.id: must be a Discord id',
    );
    expect(await guildFootprint(database.prisma, guildId)).toEqual(before);
  });
});
