/** Priorities and labels of a ticket: the values staff choose from, and how they are searched. Pure. */

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
/** What a ticket opened with, and what tickets from before priorities count as. */
export const DEFAULT_PRIORITY: TicketPriority = 'normal';

export function isTicketPriority(value: unknown): value is TicketPriority {
  return typeof value === 'string' && (TICKET_PRIORITIES as readonly string[]).includes(value);
}

/**
 * The priority as the number the `TicketPriority` search attribute and the ticket row hold (low 0 … urgent 3), so
 * `TicketPriority >= 2` lists high and urgent tickets and the panel can sort by it.
 */
export function priorityRank(priority: TicketPriority): number {
  return TICKET_PRIORITIES.indexOf(priority);
}

export function priorityOfRank(rank: number): TicketPriority {
  return TICKET_PRIORITIES[rank] ?? DEFAULT_PRIORITY;
}

/** A label as the guild spells it, found case-insensitively (staff type `Billing`, the guild lists `billing`). */
export function findLabel(guildLabels: readonly string[], name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return guildLabels.find((label) => label.toLowerCase() === wanted);
}

/** The ticket's labels after a change, in the guild list's order; the same labels when nothing changes. */
export function changedLabels(
  current: readonly string[],
  guildLabels: readonly string[],
  change: { add: readonly string[]; remove: readonly string[] },
): string[] {
  const removed = new Set(change.remove.map((name) => name.trim().toLowerCase()));
  const kept = new Set(current.filter((label) => !removed.has(label.toLowerCase())));
  for (const label of change.add) kept.add(findLabel(guildLabels, label) ?? label);
  const order = (label: string) => {
    const index = guildLabels.indexOf(label);
    return index === -1 ? guildLabels.length : index;
  };
  return [...kept].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}
