import type { SearchAttributePair, SearchAttributeUpdatePair } from '@temporalio/common';
import { priorityRank } from '../../domain/ticket-metadata.ts';
import {
  TicketAssigneeId,
  TicketCloseRequested,
  TicketCreatorId,
  TicketGuildId,
  TicketLabels,
  TicketLastActivityAt,
  TicketNumber,
  TicketPriority,
  TicketProblem,
  TicketSlaBreached,
  TicketStatus,
  TicketTimerState,
  TicketType,
} from '../search-attributes.ts';
import type { TicketView } from './definitions.ts';
import { slaBreached } from './sla.ts';

/** The search attributes a ticket in this state carries; absent values (no number, no assignee) are left out. */
export function searchAttributesOf(ticket: TicketView): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [
    { key: TicketGuildId, value: ticket.guildId },
    { key: TicketType, value: ticket.type },
    { key: TicketCreatorId, value: ticket.creator.id },
    { key: TicketStatus, value: ticket.status },
    { key: TicketTimerState, value: ticket.timer },
    { key: TicketLastActivityAt, value: new Date(ticket.lastActivityAt) },
  ];
  if (ticket.number !== null) pairs.push({ key: TicketNumber, value: ticket.number });
  if (ticket.assigneeId !== null) pairs.push({ key: TicketAssigneeId, value: ticket.assigneeId });
  // Absent in tickets begun before priorities and labels (workflows/ticket/metadata.ts), which keep their attributes.
  if (ticket.priority !== undefined) pairs.push({ key: TicketPriority, value: priorityRank(ticket.priority) });
  if (ticket.labels?.length) pairs.push({ key: TicketLabels, value: ticket.labels });
  // Only tickets that had a close request carry it, so tickets begun before close requests publish what they did.
  if (ticket.pendingCloseRequest !== undefined) {
    pairs.push({ key: TicketCloseRequested, value: ticket.pendingCloseRequest !== null });
  }
  const problem = worstProblemKind(ticket);
  if (problem) pairs.push({ key: TicketProblem, value: problem });
  const breached = slaBreached(ticket);
  if (breached !== null) pairs.push({ key: TicketSlaBreached, value: breached });
  return pairs;
}

/** The upserts that turn `previous` into `current`; an attribute that disappeared is removed with null. */
export function searchAttributeChanges(
  previous: SearchAttributePair[],
  current: SearchAttributePair[],
): SearchAttributeUpdatePair[] {
  const serialize = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value));
  const before = new Map(previous.map((p) => [p.key.name, serialize(p.value)]));
  const changes: SearchAttributeUpdatePair[] = current.filter((p) => before.get(p.key.name) !== serialize(p.value));
  const currentNames = new Set(current.map((p) => p.key.name));
  for (const p of previous) {
    if (!currentNames.has(p.key.name)) changes.push({ key: p.key, value: null } as SearchAttributeUpdatePair);
  }
  return changes;
}

/** A permission only the guild can grant outranks a step that fails on its own. */
function worstProblemKind(ticket: TicketView): 'missing_permission' | 'failing' | null {
  const problems = ticket.problems ?? [];
  if (problems.some((problem) => problem.kind === 'missing_permission')) return 'missing_permission';
  return problems.length > 0 ? 'failing' : null;
}
