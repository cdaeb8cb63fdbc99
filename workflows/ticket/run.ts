import type { SearchAttributePair } from '@temporalio/common';
import { ApplicationFailure, log, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { OpenTicketRequest, ProblemTarget, TicketFacts, TicketProblem, TicketRef } from '../../domain/ticket.ts';
import { formatTicketNumber } from '../../domain/ticket-naming.ts';
import {
  boundedActivities,
  boundedTranscriptActivities,
  unboundedActivities,
  unboundedTranscriptActivities,
} from './activities.ts';
import type { TicketView } from './definitions.ts';
import { searchAttributeChanges, searchAttributesOf } from './search-attributes.ts';

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
  /**
   * Whether this run follows the hardened rules (problems shown and retried, replies stored to the last moment,
   * a 403 never taken for a deleted thread). False only while replaying a run begun by an older worker.
   */
  readonly hardened: boolean;
  /** Bumped when the guild says its settings or permissions changed: steps held up by a problem retry at once. */
  retryGeneration = 0;
  private published: SearchAttributePair[];

  constructor(ticket: TicketView, publishedAtStart: SearchAttributePair[], hardened: boolean) {
    this.ticket = ticket;
    this.published = publishedAtStart;
    this.hardened = hardened;
  }

  /** The activities this run calls: bounded retries when problems are tracked, unbounded as older runs had. */
  get act() {
    return this.hardened ? boundedActivities : unboundedActivities;
  }

  get transcripts() {
    return this.hardened ? boundedTranscriptActivities : unboundedTranscriptActivities;
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
      ...(t.settings?.language ? { language: t.settings.language } : {}),
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

  problemOf(target: ProblemTarget): TicketProblem | undefined {
    return this.ticket.problems?.find((problem) => problem.target === target);
  }

  /** Records that a step on `target` failed again; returns the problem, whose `attempts` counts this episode. */
  noteProblem(target: ProblemTarget, failure: Omit<TicketProblem, 'target' | 'since' | 'attempts'>): TicketProblem {
    const problems = this.ticket.problems ?? [];
    this.ticket.problems = problems;
    const held = problems.find((problem) => problem.target === target);
    const problem: TicketProblem = held
      ? { ...held, ...failure, attempts: held.attempts + 1 }
      : { target, ...failure, since: Date.now(), attempts: 1 };
    problems.splice(held ? problems.indexOf(held) : problems.length, held ? 1 : 0, problem);
    if (problem.attempts === 1) {
      log.warn('ticket step held up', { workflowId: this.ticket.workflowId, guildId: this.ticket.guildId, ...problem });
    }
    this.publish();
    return problem;
  }

  /** A step on `target` succeeded: whatever held that target up is fixed. */
  clearProblem(target: ProblemTarget): void {
    const problem = this.problemOf(target);
    if (!problem) return;
    this.ticket.problems = this.ticket.problems?.filter((held) => held !== problem);
    log.info('ticket step recovered', { workflowId: this.ticket.workflowId, target, step: problem.step });
    this.publish();
  }

  /** Publishes what changed to the search attributes and the UI's current details. */
  publish(): void {
    const current = searchAttributesOf(this.ticket);
    const changes = searchAttributeChanges(this.published, current);
    if (changes.length > 0) upsertSearchAttributes(changes);
    this.published = current;
    const t = this.ticket;
    const number = t.number === null ? 'unnumbered' : `#${formatTicketNumber(t.number)}`;
    const problems = (t.problems ?? []).map((problem) => `\n\n**Held up**: ${problem.step}: ${problem.message}`);
    setCurrentDetails(
      `**Ticket ${number}** (${t.type}) — ${t.status}, timer ${t.timer}, ` +
        `${t.replyCount} replies, assignee ${t.assigneeId ?? 'none'}${problems.join('')}`,
    );
  }
}
