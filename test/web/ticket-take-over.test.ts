import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIMER_DISABLE_REASON_MAX } from '../../workflows/ticket/timer-reason.ts';
import { eventually } from '../support/ticket-harness.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import { serving, startWebSystem, type WebSystem } from './support/web-system.ts';

/**
 * The panel's take-over, assign and timer-off over HTTP against the whole system (Temporal dev server, worker, bot,
 * local Discord, Postgres): a ticket someone else holds changes hands only with `takeOver`, as with the bot's Take
 * over button; an assignee who is not staff (by Discord's answer about their roles) is refused; turning the timer
 * off needs a reason within the bot's modal's bounds, which the ticket keeps.
 */
let system: TicketflowSystem;
let web: WebSystem;
let ticket: LivedTicket;
let owner: string;
let sam: string;

beforeAll(async () => {
  system = await startTicketflowSystem();
  web = await startWebSystem({ on: serving(system) });
  owner = (await web.signIn(system.world.owner.id)).cookie;
  sam = (await web.signIn(system.userId('sam'))).cookie;
  ticket = await openFromPanel(system, 'alice', 'The app crashes on start');
}, 3 * LONG_WAIT_MS);

afterAll(async () => {
  await web?.close();
  await system?.close();
});

type ActionAnswer = { outcome?: string; message?: string; error?: { code: string; problems?: { path: string }[] } };

async function act(cookie: string, action: string, body?: unknown, guildId = system.world.guild.id) {
  const response = await web.request(`/api/v1/guilds/${guildId}/tickets/${ticket.number}/${action}`, {
    method: 'POST',
    cookie,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as ActionAnswer };
}

async function row() {
  return system.db.prisma.ticket.findUniqueOrThrow({
    where: { guildId_number: { guildId: system.world.guild.id, number: ticket.number } },
  });
}

describe('take over', () => {
  it('refuses to take a ticket someone else holds without confirmation; takes it over with it', async () => {
    expect(await act(sam, 'claim')).toMatchObject({ status: 200, body: { outcome: 'done' } });
    expect((await row()).assigneeId).toBe(system.userId('sam'));

    for (const [action, body] of [
      ['claim', undefined],
      ['unassign', {}],
      ['claim', { takeOver: false }],
    ] as const) {
      expect(await act(owner, action, body), action).toEqual({
        status: 409,
        body: {
          error: {
            code: 'held_by_another',
            message: 'Someone else holds this ticket now. Take it over to change it; nothing was changed.',
          },
        },
      });
    }
    expect((await row()).assigneeId).toBe(system.userId('sam'));

    expect(await act(owner, 'claim', { takeOver: true })).toEqual({
      status: 200,
      body: { outcome: 'done', message: `You took over ticket #${ticket.number}.` },
    });
    await eventually(async () => expect((await row()).assigneeId).toBe(system.world.owner.id));
    const events = await system.db.prisma.ticketEvent.findMany({ where: { ticketId: (await row()).id } });
    expect(events.filter((event) => event.kind === 'assigned').length).toBeGreaterThanOrEqual(2);
  });

  it('lets the holder hand the ticket to a member of staff without asking', async () => {
    expect(await act(owner, 'assign', { assigneeId: system.userId('sam') })).toMatchObject({ status: 200 });
    await eventually(async () => expect((await row()).assigneeId).toBe(system.userId('sam')));
  });
});

describe('only staff can be assigned', () => {
  it('refuses a member without a staff role, and someone not in the server, even on a take-over', async () => {
    const notStaff = {
      status: 400,
      body: {
        error: {
          code: 'assignee_not_staff',
          message:
            'Only staff can be assigned a ticket, and this member is not staff of the server. Nothing was changed.',
        },
      },
    };
    const guildId = system.world.guild.id;
    const from = system.discord.state.requestLog.length;
    expect(await act(sam, 'assign', { assigneeId: system.userId('bob') })).toEqual(notStaff);
    // The cost of asking Discord: the assignee's member read, and the guild's roles unless read in the last 15 s.
    const asked = system.discord.state.requestLog
      .slice(from)
      .filter((entry) => entry.path.startsWith(`/guilds/${guildId}`))
      .map((entry) => `${entry.method} ${entry.path}`);
    expect(asked.filter((request) => request !== `GET /guilds/${guildId}`)).toEqual([
      `GET /guilds/${guildId}/members/${system.userId('bob')}`,
    ]);
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(await act(owner, 'assign', { assigneeId: system.userId('alice'), takeOver: true })).toEqual(notStaff);
    expect(await act(sam, 'assign', { assigneeId: web.userId(web.guildA, 'sam') })).toEqual(notStaff);
    expect((await row()).assigneeId).toBe(system.userId('sam'));
  });

  it('counts the server owner as staff, whatever their roles', async () => {
    expect(await act(sam, 'assign', { assigneeId: system.world.owner.id })).toMatchObject({ status: 200 });
    await eventually(async () => expect((await row()).assigneeId).toBe(system.world.owner.id));
  });
});

describe('turning the timer off', () => {
  it('needs a reason of 1 to 300 characters: refused without one, nothing changed', async () => {
    const problemPaths = async (body: unknown) => {
      const answer = await act(sam, 'disable-timer', body);
      expect(answer.status).toBe(400);
      return (answer.body.error?.problems ?? []).map((problem) => problem.path);
    };
    expect(await problemPaths({})).toEqual(['reason']);
    expect(await problemPaths({ reason: '   ' })).toEqual(['reason']);
    expect(await problemPaths({ reason: 'x'.repeat(TIMER_DISABLE_REASON_MAX + 1) })).toEqual(['reason']);
    expect((await row()).timerState).toBe('running');
  });

  it('turns it off with the reason, which the ticket keeps in its event', async () => {
    expect(await act(sam, 'disable-timer', { reason: '  Waiting on the supplier  ' })).toEqual({
      status: 200,
      body: {
        outcome: 'done',
        message: `The inactivity timer of ticket #${ticket.number} is off: “Waiting on the supplier”.`,
      },
    });
    await eventually(async () => expect((await row()).timerState).toBe('disabled'));
    const disabled = await eventually(async () => {
      const events = await system.db.prisma.ticketEvent.findMany({
        where: { ticketId: (await row()).id, kind: 'timer_disabled' },
      });
      expect(events).toHaveLength(1);
      return events[0];
    });
    expect(disabled?.data).toMatchObject({ reason: 'Waiting on the supplier' });
  });

  it('is refused to a member of the server who is not staff, and to another guild', async () => {
    const alice = (await web.signIn(system.userId('alice'))).cookie;
    expect((await act(alice, 'disable-timer', { reason: 'no' })).status).toBe(403);
    const stranger = (await web.signIn(web.userId(web.guildA, 'owner'))).cookie;
    expect((await act(stranger, 'claim', { takeOver: true })).status).toBe(404);
    expect((await row()).assigneeId).toBe(system.world.owner.id);
  });
});
