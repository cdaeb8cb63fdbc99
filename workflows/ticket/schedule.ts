import type { TicketView } from './definitions.ts';
import { nextSlaWake } from './sla.ts';

/**
 * `welcome` and `refresh` are due at once: a welcome held up by a problem, settings the guild changed; so is
 * `cancel_close_request` once the creator replied to a close request. `expire_close_request` is its time running out.
 */
export type TimedAction =
  | 'welcome'
  | 'refresh'
  | 'warn'
  | 'auto_close'
  | 'remind'
  | 'cancel_close_request'
  | 'expire_close_request'
  | 'sla';

export interface NextWake {
  at: number;
  action: TimedAction;
}

/**
 * The single next moment the ticket must act on its own. Replies only move `lastActivityAt`; the
 * loop recomputes this when a timer fires, so chatty tickets do not cancel and restart timers.
 */
export function nextWake(ticket: TicketView): NextWake | null {
  const settings = ticket.settings;
  if (!settings || ticket.status !== 'open') return null;
  if (ticket.welcomed === false) return { at: ticket.openedAt, action: 'welcome' };
  if (ticket.settingsStale) return { at: ticket.openedAt, action: 'refresh' };
  const candidates: NextWake[] = [];
  if (ticket.timer === 'running') {
    const warnedBeforeLastReply = ticket.warnedAt !== null && ticket.lastActivityAt > ticket.warnedAt;
    if (ticket.warnedAt === null || warnedBeforeLastReply) {
      candidates.push({ at: ticket.lastActivityAt + settings.inactivityTimeoutMs, action: 'warn' });
    } else {
      candidates.push({ at: ticket.warnedAt + settings.inactivityGraceMs, action: 'auto_close' });
    }
  }
  if (ticket.nextReminderAt !== null) candidates.push({ at: ticket.nextReminderAt, action: 'remind' });
  const closeRequest = ticket.pendingCloseRequest;
  if (closeRequest) {
    candidates.push(
      closeRequest.repliedAt === undefined
        ? { at: closeRequest.closesAt, action: 'expire_close_request' }
        : { at: closeRequest.requestedAt, action: 'cancel_close_request' },
    );
  }
  const sla = nextSlaWake(ticket);
  if (sla !== null) candidates.push({ at: sla, action: 'sla' });
  return candidates.reduce<NextWake | null>(
    (soonest, c) => (soonest === null || c.at < soonest.at ? c : soonest),
    null,
  );
}
