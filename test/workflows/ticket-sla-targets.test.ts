import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../domain/support-hours.ts';
import type { TicketSla } from '../../domain/ticket-sla.ts';
import type { TicketView } from '../../workflows/ticket/definitions.ts';
import { newTicketView } from '../../workflows/ticket/run.ts';
import { applySlaTargets, nextSlaWake, noteSlaReply, slaBreached } from '../../workflows/ticket/sla.ts';
import { creator, reply, staffActor, supportRequest } from '../support/ticket-harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2026-06-01T09:00:00Z');
const staff = { id: staffActor.id, name: staffActor.name };

/** An open ticket, around the clock, with the given targets; opened at T0 and waiting for staff. */
function ticketWith(firstResponseMinutes: number | null, resolutionMinutes: number | null): TicketView {
  const ticket = newTicketView('ticket:1:1', supportRequest(), T0);
  const clock = (targetMinutes: number | null) =>
    targetMinutes === null ? null : { targetMinutes, elapsedMs: 0, since: T0, stopped: false, breachedAt: null };
  const sla: TicketSla = {
    supportHours: ALWAYS_OPEN,
    firstResponse: clock(firstResponseMinutes),
    resolution: clock(resolutionMinutes),
    escalationRoleId: null,
    recordedWaitingOn: 'staff',
    away: null,
  };
  return { ...ticket, status: 'open', waitingOn: 'staff', sla };
}

describe('SLA state of a ticket', () => {
  it('moves the waiting state with who writes, ignoring bots, and stops the first-response clock at staff', () => {
    const ticket = ticketWith(60, 240);
    expect(nextSlaWake(ticket)).toBe(T0 + HOUR);
    expect(noteSlaReply(ticket, { ...reply('1', T0), authorId: staff.id, authorIsBot: true }, T0 + MINUTE)).toBe(false);
    expect(noteSlaReply(ticket, reply('2', T0, creator), T0 + MINUTE)).toBe(false);
    expect(noteSlaReply(ticket, reply('3', T0, staff), T0 + 30 * MINUTE)).toBe(true);
    expect(ticket.waitingOn).toBe('member');
    expect(ticket.sla?.firstResponse).toMatchObject({ stopped: true, elapsedMs: 30 * MINUTE, since: null });
    expect(ticket.sla?.resolution).toMatchObject({ elapsedMs: 30 * MINUTE, since: null });
    // The row still says `staff`: the loop must write it at once.
    expect(nextSlaWake(ticket)).toBe(T0);
    ticket.sla = { ...(ticket.sla as TicketSla), recordedWaitingOn: 'member' };
    expect(nextSlaWake(ticket)).toBeNull();

    ticket.members.push('500000000000000077');
    expect(noteSlaReply(ticket, reply('4', T0, { id: '500000000000000077', name: 'bob' }), T0 + 2 * HOUR)).toBe(true);
    expect(ticket.waitingOn).toBe('staff');
    ticket.sla = { ...(ticket.sla as TicketSla), recordedWaitingOn: 'staff' };
    expect(nextSlaWake(ticket)).toBe(T0 + 2 * HOUR + 210 * MINUTE);
  });

  it("applies a new type's targets, keeping the time counted and a breach already escalated", () => {
    const ticket = ticketWith(60, null);
    (ticket.sla as TicketSla).firstResponse = {
      targetMinutes: 60,
      elapsedMs: 0,
      since: T0,
      stopped: false,
      breachedAt: T0 + HOUR,
    };
    applySlaTargets(
      ticket,
      { firstResponseMinutes: 120, resolutionMinutes: 180, escalationRoleId: '300000000000000009' },
      T0 + 90 * MINUTE,
    );
    expect(ticket.sla?.firstResponse).toMatchObject({
      targetMinutes: 120,
      elapsedMs: 90 * MINUTE,
      breachedAt: T0 + HOUR,
    });
    // The new resolution target counts from the opening, as if it had always applied.
    expect(ticket.sla?.resolution).toMatchObject({
      targetMinutes: 180,
      elapsedMs: 90 * MINUTE,
      since: T0 + 90 * MINUTE,
    });
    expect(ticket.sla?.escalationRoleId).toBe('300000000000000009');
    expect(slaBreached(ticket)).toBe(true);

    applySlaTargets(
      ticket,
      { firstResponseMinutes: null, resolutionMinutes: null, escalationRoleId: null },
      T0 + 2 * HOUR,
    );
    expect(ticket.sla).toMatchObject({ firstResponse: null, resolution: null });
    expect(slaBreached(ticket)).toBeNull();
  });

  it('does nothing for a ticket opened before SLA tracking', () => {
    const ticket = { ...newTicketView('ticket:1:2', supportRequest(), T0), status: 'open' as const };
    expect(noteSlaReply(ticket, reply('5', T0, staff), T0)).toBe(false);
    applySlaTargets(ticket, { firstResponseMinutes: 10, resolutionMinutes: 10, escalationRoleId: null }, T0);
    expect(ticket.sla).toBeUndefined();
    expect(ticket.waitingOn).toBeUndefined();
    expect(nextSlaWake(ticket)).toBeNull();
  });
});
