import type { SupportHours } from './support-hours.ts';

/** Whose answer a ticket waits for: a member's message sets `staff`, a staff message `member`. */
export type WaitingOn = 'staff' | 'member';

export type SlaTarget = 'first_response' | 'resolution';

/**
 * A clock of support time toward one target. It counts while `since` is set (from then), has counted
 * `elapsedMs` before, and `stopped` once its target is met for good (staff answered, for the first response).
 */
export interface SlaClock {
  targetMinutes: number;
  elapsedMs: number;
  since: number | null;
  stopped: boolean;
  /** When the ticket missed the target; the escalation happens once, then this stays set. */
  breachedAt: number | null;
}

/** A ticket's SLA as the workflow keeps it (TicketView.sla); absent in tickets opened before SLA tracking. */
export interface TicketSla {
  /** The support hours the clocks count in: the guild's, followed when it changes them. */
  supportHours: SupportHours;
  firstResponse: SlaClock | null;
  resolution: SlaClock | null;
  /** Pinged on a breach: the type's escalation role, else the guild's; null pings nobody. */
  escalationRoleId: string | null;
  /** What the ticket row says it waits on; behind TicketView.waitingOn until the loop writes it. */
  recordedWaitingOn: WaitingOn | null;
  /** Opened outside support hours: when staff are back, and whether the member has been told. */
  away: { backAt: number; told: boolean } | null;
}

/** What a ticket captures of its type's SLA when it opens (TicketSettings). */
export type SlaSettings = {
  supportHours: SupportHours;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  escalationRoleId: string | null;
};
