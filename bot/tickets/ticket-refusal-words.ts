import type { MessageKey, Translate } from '../../i18n/translate.ts';
import type { TicketRefusal } from '../../temporal/ticket-updates.ts';

/**
 * The refusals every ticket update shares (workflows/ticket/validators.ts, workflows/ticket/staff-actions.ts), by type. The
 * workflow's message is English and stays as it is, so histories replay unchanged; the member reads these words.
 */
const SHARED_REFUSALS: Record<string, MessageKey> = {
  TicketOpening: 'refusals.ticket.opening',
  TicketNotOpened: 'refusals.ticket.notOpened',
  TicketClosed: 'refusals.ticket.closed',
  Forbidden: 'refusals.ticket.forbidden',
  InvalidRequest: 'refusals.ticket.invalid',
  MissingPermission: 'refusals.ticket.missingPermission',
  Unavailable: 'refusals.ticket.unavailable',
};

/** A feature's own refusal types are worded where the feature answers; any other keeps the workflow's message. */
export function ticketRefusalWords(t: Translate, refusal: TicketRefusal): string {
  const key = SHARED_REFUSALS[refusal.type];
  return key ? t(key) : refusal.message;
}
