import type { WaitingOn } from '../../domain/ticket-sla.ts';
import type { Translate } from '../../i18n/translate.ts';

/** Whose answer a ticket waits for, in words; nothing for tickets opened before it was tracked. */
export function waitingParts(t: Translate, waitingOn: WaitingOn | null): string[] {
  if (waitingOn === null) return [];
  return [t(waitingOn === 'staff' ? 'sla.waitingOnStaff' : 'sla.waitingOnMember')];
}
