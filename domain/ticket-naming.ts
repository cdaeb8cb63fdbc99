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

/** `0042-`: what every ticket thread's name starts with, so staff find a ticket by its number. */
function numberPrefix(number: number): string {
  return `${formatTicketNumber(number)}-`;
}

/** How long a name given with `/ticket rename` may be: Discord's 100 characters less the number prefix. */
export function renameMaxLength(number: number): number {
  return THREAD_NAME_MAX - numberPrefix(number).length;
}

/**
 * The thread name for a ticket staff renamed: its number prefix, then their name with runs of whitespace made one
 * space. null when that does not fit Discord's 100 characters: a rename is refused rather than cut.
 */
export function renamedThreadName(number: number, name: string): string | null {
  const title = name.replace(/\s+/g, ' ').trim();
  if (title === '') return null;
  const full = `${numberPrefix(number)}${title}`;
  return full.length <= THREAD_NAME_MAX ? full : null;
}
