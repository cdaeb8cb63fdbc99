import type { SearchAttributePair } from '@temporalio/common';
import {
  ActivityFailure,
  ApplicationFailure,
  log,
  setCurrentDetails,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { OpenTicketRequest, TicketFacts, TicketRef } from '../domain/ticket.ts';
import { formatTicketNumber } from '../domain/ticket-naming.ts';
import type { TicketView } from './definitions.ts';
import { searchAttributeChanges, searchAttributesOf } from './ticket-search-attributes.ts';

/** How many recent message ids a ticket remembers to ignore a re-sent reply signal. */
const RECENT_MESSAGE_IDS = 200;

export function newTicketView(workflowId: string, request: OpenTicketRequest, now: number): TicketView {
  return {
    workflowId,
    guildId: request.guildId,
    type: request.type,
    creator: request.creator,
    answers: request.answers,
    status: 'opening',
    ticketId: null,
    number: null,
    threadId: null,
    settings: null,
    assigneeId: null,
    members: [],
    timer: 'running',
    openedAt: now,
    lastActivityAt: now,
    warnedAt: null,
    nextReminderAt: null,
    remindersSent: 0,
    replyCount: 0,
    closure: null,
    transcriptKey: null,
    recentMessageIds: [],
    sideEffectSeq: 0,
  };
}

/** One run of a ticket workflow: its state and the small helpers every step shares. */
export class TicketRun {
  readonly ticket: TicketView;
  private published: SearchAttributePair[];

  constructor(ticket: TicketView, publishedAtStart: SearchAttributePair[]) {
    this.ticket = ticket;
    this.published = publishedAtStart;
  }

  /** A key unique to this side effect across retries, replays and continue-as-new runs. */
  nextKey(label: string): string {
    this.ticket.sideEffectSeq += 1;
    return `${this.ticket.workflowId}:${this.ticket.sideEffectSeq}:${label}`;
  }

  ref(): TicketRef {
    if (this.ticket.ticketId === null) throw ApplicationFailure.nonRetryable('The ticket is not registered yet.');
    return { guildId: this.ticket.guildId, ticketId: this.ticket.ticketId };
  }

  facts(): TicketFacts {
    const t = this.ticket;
    return {
      guildId: t.guildId,
      number: t.number ?? 0,
      typeName: t.settings?.typeName ?? t.type,
      creatorId: t.creator.id,
      creatorName: t.creator.name,
      assigneeId: t.assigneeId,
      threadId: t.threadId,
      openedAt: t.openedAt,
    };
  }

  /** Remembers a message id; false when it was seen already. */
  rememberMessage(id: string): boolean {
    const ids = this.ticket.recentMessageIds;
    if (ids.includes(id)) return false;
    ids.push(id);
    if (ids.length > RECENT_MESSAGE_IDS) ids.splice(0, ids.length - RECENT_MESSAGE_IDS);
    return true;
  }

  /** Publishes what changed to the search attributes and the UI's current details. */
  publish(): void {
    const current = searchAttributesOf(this.ticket);
    const changes = searchAttributeChanges(this.published, current);
    if (changes.length > 0) upsertSearchAttributes(changes);
    this.published = current;
    const t = this.ticket;
    const number = t.number === null ? 'unnumbered' : `#${formatTicketNumber(t.number)}`;
    setCurrentDetails(
      `**Ticket ${number}** (${t.type}) — ${t.status}, timer ${t.timer}, ` +
        `${t.replyCount} replies, assignee ${t.assigneeId ?? 'none'}`,
    );
  }
}

/** True when an activity failed because Discord no longer has the thread or channel. */
export function isDiscordTargetGone(err: unknown): boolean {
  return (
    err instanceof ActivityFailure &&
    err.cause instanceof ApplicationFailure &&
    (err.cause.type === 'DiscordNotFound' || err.cause.type === 'DiscordForbidden')
  );
}

/** Runs a Discord step whose thread or channel may have been deleted by hand; false when it was. */
export async function unlessDiscordTargetGone(
  run: TicketRun,
  step: string,
  call: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    if (!isDiscordTargetGone(err)) throw err;
    log.warn('ticket step skipped: its Discord thread or channel is gone', { workflowId: run.ticket.workflowId, step });
    return false;
  }
}
