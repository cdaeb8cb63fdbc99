/** Discord allows thread names of 1 to 100 characters. */
const THREAD_NAME_MAX = 100;

/** `0042`: the zero-padded number a ticket's thread name and transcript key carry. */
export function formatTicketNumber(number: number): string {
  return String(number).padStart(4, '0');
}

/** `#0042`: how a ticket is named to people, in notices and transcripts. */
export function ticketLabel(number: number): string {
  return `#${formatTicketNumber(number)}`;
}

/**
 * The thread name carries the ticket number, which is unique per guild: the Discord activity uses it
 * as the key that keeps thread creation idempotent, so it must depend only on the ticket's fixed facts.
 */
export function ticketThreadName(number: number, typeKey: string, creatorName: string): string {
  const name = `${formatTicketNumber(number)}-${typeKey}-${creatorName}`.replace(/\s+/g, ' ').trim();
  return name.length <= THREAD_NAME_MAX ? name : name.slice(0, THREAD_NAME_MAX);
}
