import { StaleControlError } from '../replies.ts';

/** The ticket number a control's custom id carries (`<prefix>:<number>`). */
export function ticketNumberOf(id: string): number {
  if (!/^\d{1,10}$/.test(id)) throw new StaleControlError('control');
  return Number(id);
}
