import { patched } from '@temporalio/workflow';
import {
  isSupportOpen,
  nextSupportOpening,
  type SupportHours,
  supportDeadline,
  supportTimeBetween,
} from '../../domain/support-hours.ts';
import type { TicketMessage } from '../../domain/ticket.ts';
import type { SlaClock, SlaSettings, SlaTarget, TicketSla, WaitingOn } from '../../domain/ticket-sla.ts';
import type { TicketView } from './definitions.ts';
import type { TicketRun } from './run.ts';
import { runStep, type StepOutcome } from './steps.ts';

/**
 * Marks runs that keep SLA clocks and the waiting state. Tickets opened without it have no `sla` and never
 * get one, so everything below is keyed on `ticket.sla` and replays as it ran.
 */
export const SLA_CLOCKS_PATCH = 'sla-clocks';

const MINUTE_MS = 60_000;
const done: StepOutcome<void> = { done: true, value: undefined };

/** At open: the ticket waits for staff, its clocks start, and it learns whether staff are away right now. */
export function startSla(run: TicketRun, now: number): void {
  const { ticket } = run;
  const settings = ticket.settings?.sla;
  if (!settings || !patched(SLA_CLOCKS_PATCH)) return;
  const backAt = isSupportOpen(settings.supportHours, now) ? null : nextSupportOpening(settings.supportHours, now);
  ticket.waitingOn = 'staff';
  ticket.sla = {
    supportHours: settings.supportHours,
    ...clocksFor(settings, now),
    escalationRoleId: settings.escalationRoleId,
    recordedWaitingOn: null,
    away: backAt === null ? null : { backAt, told: false },
  };
  run.publish();
}

function newClock(targetMinutes: number | null, since: number | null): SlaClock | null {
  return targetMinutes === null ? null : { targetMinutes, elapsedMs: 0, since, stopped: false, breachedAt: null };
}

function clocksFor(settings: Pick<SlaSettings, 'firstResponseMinutes' | 'resolutionMinutes'>, now: number) {
  return {
    firstResponse: newClock(settings.firstResponseMinutes, now),
    resolution: newClock(settings.resolutionMinutes, now),
  };
}

/** Banks what a running clock counted up to `now` under `hours`, leaving it running from `now`. */
function bank(clock: SlaClock | null, hours: SupportHours, now: number): void {
  if (!clock || clock.since === null) return;
  clock.elapsedMs += supportTimeBetween(hours, clock.since, now);
  clock.since = now;
}

function pause(clock: SlaClock | null, hours: SupportHours, now: number): void {
  bank(clock, hours, now);
  if (clock) clock.since = null;
}

/**
 * A person's message moves the waiting state: the creator's or an added member's means staff are awaited, anyone
 * else's (only staff can see a private ticket thread besides them) that the member is. The first staff message
 * stops the first-response clock; the resolution clock counts only while staff are awaited. Bots' messages
 * (the ticket's own notices) change nothing. Returns whether a deadline moved, so the loop wakes to reschedule.
 */
export function noteSlaReply(ticket: TicketView, message: TicketMessage, now: number): boolean {
  const sla = ticket.sla;
  if (!sla || message.authorIsBot || ticket.status !== 'open') return false;
  const fromMember = message.authorId === ticket.creator.id || ticket.members.includes(message.authorId);
  const waitingOn: WaitingOn = fromMember ? 'staff' : 'member';
  const firstAnswer = !fromMember && sla.firstResponse !== null && !sla.firstResponse.stopped;
  if (firstAnswer && sla.firstResponse) {
    pause(sla.firstResponse, sla.supportHours, now);
    sla.firstResponse.stopped = true;
  }
  if (waitingOn === ticket.waitingOn) return firstAnswer;
  ticket.waitingOn = waitingOn;
  const resolution = sla.resolution;
  if (resolution && !resolution.stopped) {
    if (waitingOn === 'member') pause(resolution, sla.supportHours, now);
    else resolution.since = now;
  }
  return true;
}

/**
 * The guild changed its support hours: time counted so far stays counted under the old hours, and the clocks
 * go on under the new ones from now.
 */
export function followSupportHours(ticket: TicketView, hours: SupportHours | undefined, now: number): void {
  const sla = ticket.sla;
  if (!sla || !hours) return;
  bank(sla.firstResponse, sla.supportHours, now);
  bank(sla.resolution, sla.supportHours, now);
  sla.supportHours = hours;
}

/**
 * The ticket moved to another type: the new type's targets apply, each clock keeping the support time it has
 * counted (and a breach it already escalated); a target the new type lacks is dropped, a new one starts counting
 * from the opening as if it had always applied. For the "move ticket" feature.
 */
export function applySlaTargets(
  ticket: TicketView,
  targets: Pick<SlaSettings, 'firstResponseMinutes' | 'resolutionMinutes' | 'escalationRoleId'>,
  now: number,
): void {
  const sla = ticket.sla;
  if (!sla) return;
  const retarget = (clock: SlaClock | null, targetMinutes: number | null, counted: () => SlaClock | null) => {
    if (targetMinutes === null) return null;
    const kept = clock ?? counted();
    if (!kept) return null;
    bank(kept, sla.supportHours, now);
    return { ...kept, targetMinutes };
  };
  const openedAt = ticket.openedAt;
  sla.firstResponse = retarget(sla.firstResponse, targets.firstResponseMinutes, () => {
    const clock = newClock(targets.firstResponseMinutes, openedAt);
    // Staff have answered already (they are being waited on no longer, or were): the new target is met.
    if (clock && ticket.waitingOn === 'member') {
      pause(clock, sla.supportHours, now);
      clock.stopped = true;
    }
    return clock;
  });
  sla.resolution = retarget(sla.resolution, targets.resolutionMinutes, () =>
    newClock(targets.resolutionMinutes, ticket.waitingOn === 'member' ? null : openedAt),
  );
  sla.escalationRoleId = targets.escalationRoleId;
}

/** When a running clock reaches its target, or null when it is stopped, paused, already breached or never due. */
function deadlineOf(clock: SlaClock | null, hours: SupportHours): number | null {
  if (!clock || clock.stopped || clock.since === null || clock.breachedAt !== null) return null;
  return supportDeadline(hours, clock.since, Math.max(clock.targetMinutes * MINUTE_MS - clock.elapsedMs, 0));
}

/** The moment the ticket must next act for its SLA: at once for a notice or a row out of date, else a deadline. */
export function nextSlaWake(ticket: TicketView): number | null {
  const sla = ticket.sla;
  if (!sla) return null;
  if (sla.recordedWaitingOn !== (ticket.waitingOn ?? null) || sla.away?.told === false) return ticket.openedAt;
  const deadlines = [deadlineOf(sla.firstResponse, sla.supportHours), deadlineOf(sla.resolution, sla.supportHours)];
  const due = deadlines.filter((at) => at !== null);
  return due.length > 0 ? Math.min(...due) : null;
}

/** Whether the ticket missed a target (the search attribute TicketSlaBreached); null when it has none. */
export function slaBreached(ticket: TicketView): boolean | null {
  const clocks = [ticket.sla?.firstResponse, ticket.sla?.resolution].filter((clock) => clock != null);
  return clocks.length === 0 ? null : clocks.some((clock) => clock.breachedAt !== null);
}

/**
 * Does what is due: writes the waiting state to the ticket row, tells a member who opened outside support hours
 * when staff are back, and escalates each target missed, once (the notice and the event are keyed by the target).
 */
export async function actOnSla(run: TicketRun): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const sla = ticket.sla;
  if (!sla) return done;
  const waitingOn = ticket.waitingOn ?? null;
  if (waitingOn !== null && sla.recordedWaitingOn !== waitingOn) {
    const recorded = await runStep(
      run,
      { target: 'database', step: 'record whose answer the ticket waits for', onProblem: 'report' },
      () => run.act.recordTicketChange({ ...run.ref(), patch: { waitingOn } }),
    );
    if (!recorded.done) return recorded;
    sla.recordedWaitingOn = waitingOn;
  }
  if (sla.away && !sla.away.told) {
    const told = await tellAway(run, sla.away.backAt);
    if (!told.done && told.why === 'held_up') return told;
    sla.away.told = true;
  }
  for (const [target, clock] of [
    ['first_response', sla.firstResponse],
    ['resolution', sla.resolution],
  ] as const) {
    const deadline = deadlineOf(clock, sla.supportHours);
    if (clock && deadline !== null && deadline <= Date.now()) {
      const escalated = await escalate(run, sla, target, clock);
      if (!escalated.done) return escalated;
    }
  }
  return done;
}

async function tellAway(run: TicketRun, backAt: number): Promise<StepOutcome<unknown>> {
  const { ticket } = run;
  const threadId = ticket.threadId;
  if (!threadId) return done;
  return runStep(run, { target: 'thread', step: 'tell the member when staff are back', onProblem: 'report' }, () =>
    run.act.postNotice({
      channelId: threadId,
      idempotencyKey: `${ticket.workflowId}:support-away`,
      notice: { kind: 'support_away', ticket: run.facts(), backAt, language: ticket.settings?.language },
    }),
  );
}

async function escalate(
  run: TicketRun,
  sla: TicketSla,
  target: SlaTarget,
  clock: SlaClock,
): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const now = Date.now();
  const key = `${ticket.workflowId}:sla-breached:${target}`;
  const threadId = ticket.threadId;
  if (threadId) {
    const posted = await runStep(
      run,
      { target: 'thread', step: 'escalate the missed SLA target', onProblem: 'report' },
      () =>
        run.act.postNotice({
          channelId: threadId,
          idempotencyKey: key,
          notice: {
            kind: 'sla_breached',
            ticket: run.facts(),
            target,
            targetMinutes: clock.targetMinutes,
            escalationRoleId: sla.escalationRoleId,
            language: ticket.settings?.language,
          },
        }),
    );
    // A deleted thread cannot be pinged; the breach is still recorded, and the ticket closes on its next step.
    if (!posted.done && posted.why === 'held_up') return posted;
  }
  const recorded = await runStep(
    run,
    { target: 'database', step: 'record the missed SLA target', onProblem: 'report' },
    () =>
      run.act.recordTicketChange({
        ...run.ref(),
        event: {
          key,
          kind: 'sla_breached',
          actorId: null,
          at: now,
          data: { target, targetMinutes: clock.targetMinutes },
        },
        patch: {},
      }),
  );
  if (!recorded.done) return recorded;
  clock.breachedAt = now;
  run.publish();
  return done;
}
