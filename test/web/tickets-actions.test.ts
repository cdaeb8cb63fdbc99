import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestGuildDirectory } from '../../store/rest-guild-directory.ts';
import { createMemberStaffCheck } from '../../web/server/tickets/member-staff-check.ts';
import { TicketActionRefused } from '../../web/server/tickets/ticket-action-refused.ts';
import { createTicketActions, type TicketActions, type TicketViewer } from '../../web/server/tickets/ticket-actions.ts';
import { TicketTimerState } from '../../workflows/search-attributes.ts';
import { eventually } from '../support/ticket-harness.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

/**
 * The panel's staff actions against the whole system (Temporal dev server, worker process, bot, local Discord,
 * Postgres): each is the bot's own workflow update, sent as the signed-in user, and the workflow's refusals come
 * back in its words with the status the API answers.
 */
let system: TicketflowSystem;
let actions: TicketActions;
let ticket: LivedTicket;
let sam: TicketViewer;
let alice: TicketViewer;

function act(viewer: TicketViewer, action: Parameters<TicketActions['act']>[0]['action'], number = ticket.number) {
  return actions.act({ guildId: system.world.guild.id, number, viewer, action, requestId: randomUUID() });
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = await promise.then(
    () => {
      throw new Error('the action was not refused');
    },
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TicketActionRefused)) throw error;
  return { status: error.status, code: error.code, message: error.message };
}

async function row() {
  return system.db.prisma.ticket.findUniqueOrThrow({
    where: { guildId_number: { guildId: system.world.guild.id, number: ticket.number } },
  });
}

beforeAll(async () => {
  system = await startTicketflowSystem();
  actions = createTicketActions({
    prisma: system.db.prisma,
    temporal: system.temporal.client,
    isStaffMember: createMemberStaffCheck({
      prisma: system.db.prisma,
      directory: createRestGuildDirectory({
        token: system.discord.bot.token,
        apiBaseUrl: system.discord.apiBaseUrl,
      }),
    }),
  });
  sam = { id: system.userId('sam'), name: 'sam', isStaff: true };
  alice = { id: system.userId('alice'), name: 'alice', isStaff: false };
  ticket = await openFromPanel(system, 'alice', 'My order never arrived');
}, 3 * LONG_WAIT_MS);

afterAll(async () => {
  await system?.close();
});

describe('staff actions from the panel', () => {
  it('pauses and resumes the timer: the search attribute, the row and the thread follow', async () => {
    const timerNotices = (what: string) =>
      system.discord.state
        .messagesIn(ticket.threadId)
        .filter((message) => JSON.stringify(message.embeds ?? []).includes(`${what} the inactivity timer`));
    expect(await act(sam, { kind: 'pause-timer' })).toEqual({
      outcome: 'done',
      message: `The inactivity timer of ticket #${ticket.number} is paused.`,
    });
    const handle = system.temporal.client.workflow.getHandle((await row()).workflowId);
    await eventually(async () => {
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(TicketTimerState)).toBe('paused');
    });
    expect((await row()).timerState).toBe('paused');
    expect(timerNotices('paused')).toHaveLength(1);
    await act(sam, { kind: 'resume-timer' });
    await eventually(async () => {
      const described = await handle.describe();
      expect(described.typedSearchAttributes.get(TicketTimerState)).toBe('running');
    });
    expect(timerNotices('resumed')).toHaveLength(1);
  });

  it('claims, adds a member and replies as the signed-in staff member', async () => {
    expect(await act(sam, { kind: 'claim', takeOver: false })).toMatchObject({
      message: `You claimed ticket #${ticket.number}.`,
    });
    expect((await row()).assigneeId).toBe(sam.id);

    await act(sam, { kind: 'add-member', memberId: system.userId('bob') });
    const members = await system.db.prisma.ticketMember.findMany({ where: { ticketId: (await row()).id } });
    expect(members.map((member) => member.userId)).toContain(system.userId('bob'));

    await act(sam, { kind: 'reply', content: 'We are looking into it.' });
    const posted = system.discord.state
      .messagesIn(ticket.threadId)
      .find((message) => message.content.includes('We are looking into it.'));
    expect(posted?.author.id).toBe(system.discord.bot.userId);
    expect(posted?.content).toContain('sam');
    await eventually(async () => {
      const stored = await system.db.prisma.ticketMessage.findUnique({ where: { id: posted?.id ?? '' } });
      expect(stored?.authorId).toBe(sam.id);
    });
  });

  it("refuses in the workflow's words: a member is not staff", async () => {
    expect(await refusal(act(alice, { kind: 'pause-timer' }))).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'Only staff can pause the inactivity timer.',
    });
    expect((await row()).timerState).toBe('running');
  });

  it('a ticket of someone else, of another guild or that does not exist is not found, alike', async () => {
    const bob = { id: system.userId('bob'), name: 'bob', isStaff: false };
    const notFound = { status: 404, code: 'not_found', message: 'This ticket was not found.' };
    expect(await refusal(act(bob, { kind: 'close', reason: null }))).toEqual(notFound);
    expect(await refusal(act(sam, { kind: 'pause-timer' }, ticket.number + 100))).toEqual(notFound);
    const elsewhere = actions.act({
      guildId: '100000000000000999',
      number: ticket.number,
      viewer: sam,
      action: { kind: 'claim', takeOver: false },
      requestId: randomUUID(),
    });
    expect(await refusal(elsewhere)).toEqual(notFound);
  });

  it('closes with a reason, and a second close answers that it was already closed', async () => {
    expect(await act(sam, { kind: 'close', reason: 'Refund sent' })).toEqual({
      outcome: 'done',
      message: `Ticket #${ticket.number} is closed.`,
    });
    await eventually(async () => expect((await row()).status).toBe('closed'), LONG_WAIT_MS);
    expect((await row()).closeReason).toBe('Refund sent');
    expect(await refusal(act(sam, { kind: 'close', reason: null }))).toEqual({
      status: 409,
      code: 'already_closed',
      message: `Ticket #${ticket.number} was already closed (reason: "Refund sent"). Nothing was changed.`,
    });
    expect(await refusal(act(sam, { kind: 'claim', takeOver: false }))).toMatchObject({
      status: 409,
      code: 'ticket_closed',
    });
  });
});
