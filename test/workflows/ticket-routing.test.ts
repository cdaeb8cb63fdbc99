import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTicket } from '../../activities/database/route-ticket.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { TicketActivities } from '../../domain/ticket.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { setStaffAvailability } from '../../store/staff-roster.ts';
import { TicketAssigneeId } from '../../workflows/search-attributes.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createOpenTicketRow } from '../database/ticket-rows.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import type { RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { eventually, noticesPosted, supportRequest } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

/**
 * A guild in Postgres whose roster the real routing activity reads. The recording fake keeps the ticket's other
 * writes in memory, so the ticket row routing locks and assigns is created here, under the fake's ticket id.
 */
async function rosterGuild(staff: { id: string; away?: boolean }[]) {
  const guildId = newSnowflake();
  const config = guildConfigInput();
  await createGuildConfigRepository(database.prisma, DEFAULT_PLANS).saveGuildConfig(
    guildId,
    permissiveGuildDirectory,
    config,
  );
  const staffRoleIds = config.staffRoleIds as string[];
  for (const member of staff) {
    await setStaffAvailability(database.prisma, {
      guildId,
      userId: member.id,
      roleIds: staffRoleIds,
      away: member.away ?? false,
      at: Date.now(),
    });
  }
  const route: TicketActivities['routeTicket'] = async (input) => {
    const known = await database.prisma.ticket.findUnique({
      where: { guildId_id: { guildId: input.guildId, id: input.ticketId } },
    });
    if (!known) {
      const number = Number(input.ticketId.replace('ticket-', ''));
      await createOpenTicketRow(database.prisma, { guildId: input.guildId, id: input.ticketId, number, at: input.at });
    }
    return routeTicket(database.prisma, input);
  };
  return { guildId, staffRoleIds, route };
}

function routedBy(fake: RecordingTicketActivities, mode: 'round_robin' | 'least_open', staffRoleIds: string[]) {
  fake.settings = { ...fake.settings, routing: mode, staffRoleIds };
}

describe('routing a new ticket in its workflow', () => {
  it('assigns each new ticket in turn after its welcome, as an event without an actor and a notice pinging them', async () => {
    const staff = Array.from({ length: 3 }, () => ({ id: newSnowflake() }));
    const { guildId, staffRoleIds, route } = await rosterGuild(staff);
    await suite.withWorker(
      async ({ fake, open, state }) => {
        const assignees: (string | null)[] = [];
        for (let index = 0; index < 6; index++) {
          const { workflowId } = await open(supportRequest({ guildId }));
          await noticesPosted(fake, 'routed', index + 1);
          const ticket = await state(workflowId);
          assignees.push(ticket.assigneeId);
          const handle = suite.env().client.workflow.getHandle(workflowId);
          expect((await handle.describe()).typedSearchAttributes.get(TicketAssigneeId)).toBe(ticket.assigneeId);
        }
        const ids = staff.map((member) => member.id);
        expect(assignees).toEqual([...ids, ...ids]);
        const kinds = fake.notices.map((posted) => posted.notice.kind).filter((kind) => kind !== 'problem');
        // Each welcome comes before its ticket's routing notice.
        expect(kinds.slice(0, 2)).toEqual(['welcome', 'routed']);
        const routedEvents = [...fake.events.values()].filter((event) => event.kind === 'assigned');
        expect(routedEvents.map((event) => [event.actorId, event.data])).toEqual(
          assignees.map((assigneeId) => [null, { assigneeId, routing: 'round_robin' }]),
        );
        const [first] = fake.notice('routed');
        expect(first?.notice).toMatchObject({ kind: 'routed', assigneeId: ids[0], mode: 'round_robin' });
      },
      (fake) => {
        routedBy(fake, 'round_robin', staffRoleIds);
        fake.chooseAssignee = route;
      },
    );
  });

  it('leaves the ticket unassigned and pings the notification role when nobody is available', async () => {
    const { guildId, staffRoleIds, route } = await rosterGuild([{ id: newSnowflake(), away: true }]);
    await suite.withWorker(
      async ({ fake, open, state }) => {
        const { workflowId } = await open(supportRequest({ guildId }));
        const [posted] = await noticesPosted(fake, 'routed', 1);
        expect(posted?.notice).toMatchObject({
          kind: 'routed',
          assigneeId: null,
          fallbackRoleId: fake.settings.notificationRoleId,
        });
        expect((await state(workflowId)).assigneeId).toBeNull();
        expect(fake.eventKinds()).toEqual(['opened']);
      },
      (fake) => {
        routedBy(fake, 'least_open', staffRoleIds);
        fake.chooseAssignee = route;
      },
    );
  });

  it('keeps the same assignee when the routing activity is retried after it chose', async () => {
    const staff = Array.from({ length: 2 }, () => ({ id: newSnowflake() }));
    const { guildId, staffRoleIds, route } = await rosterGuild(staff);
    let attempts = 0;
    await suite.withWorker(
      async ({ fake, open, state }) => {
        const { workflowId } = await open(supportRequest({ guildId }));
        await noticesPosted(fake, 'routed', 1);
        expect(attempts).toBe(2);
        expect((await state(workflowId)).assigneeId).toBe(staff[0]?.id);
        expect(await database.prisma.routingChoice.count({ where: { guildId } })).toBe(1);
        expect(fake.eventKinds()).toEqual(['opened', 'assigned']);
      },
      (fake) => {
        routedBy(fake, 'round_robin', staffRoleIds);
        fake.chooseAssignee = async (input) => {
          const chosen = await route(input);
          attempts += 1;
          // The first attempt chose and committed, but its answer never reached the workflow.
          if (attempts === 1) throw ApplicationFailure.retryable('worker lost the answer');
          return chosen;
        };
      },
    );
  });

  it('does not route types that are not routed', () =>
    suite.withWorker(async ({ fake, open }) => {
      await open();
      await eventually(() => expect(fake.notice('welcome')).toHaveLength(1));
      expect(fake.calls.some((call) => call.name === 'routeTicket')).toBe(false);
      expect(fake.notice('routed')).toHaveLength(0);
    }));
});
