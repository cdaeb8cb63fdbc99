import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CloseRequestAnswer, CloseRequestFacts } from '../../domain/close-request.ts';
import type {
  Actor,
  ClosureFacts,
  MessageDeletion,
  OpenTicketRequest,
  RefusalCode,
  RefusalValues,
  ReopenFacts,
  TicketAnswer,
  TicketMessage,
  TicketNotice,
  TicketProblem,
  TicketRating,
  TicketSettings,
  TicketStatus,
  TimerState,
} from '../../domain/ticket.ts';
import type { TicketPriority } from '../../domain/ticket-metadata.ts';
import type { TicketSla, WaitingOn } from '../../domain/ticket-sla.ts';

/** The task queue ticket workflows and their activities run on, unless TEMPORAL_TASK_QUEUE says otherwise. */
export const DEFAULT_TICKET_TASK_QUEUE = 'ticketflow-tickets';

/** Everything a ticket knows; the getTicketState query returns it, and continue-as-new carries it. */
export interface TicketView {
  workflowId: string;
  guildId: string;
  type: string;
  creator: { id: string; name: string };
  answers: TicketAnswer[];
  status: TicketStatus;
  ticketId: string | null;
  number: number | null;
  threadId: string | null;
  settings: TicketSettings | null;
  assigneeId: string | null;
  members: string[];
  timer: TimerState;
  openedAt: number;
  lastActivityAt: number;
  warnedAt: number | null;
  nextReminderAt: number | null;
  remindersSent: number;
  replyCount: number;
  closure: ClosureFacts | null;
  transcriptKey: string | null;
  /** Recent Discord message ids, so a re-sent reply signal is counted once. */
  recentMessageIds: string[];
  /** Sequence for the idempotency keys of events and notices; unique within the workflow id across runs. */
  sideEffectSeq: number;
  /**
   * What keeps a step from completing right now (a missing Discord permission, a step failing again and again),
   * by what it talks to; the step retries by itself and the problem clears when it succeeds. Absent in runs
   * carried over from workers before problems were tracked.
   */
  problems?: TicketProblem[];
  /** False until staff are in the thread and the welcome is posted; absent in older runs, which welcomed at open. */
  welcomed?: boolean;
  /** The welcome message, whose controls follow the timer; absent for tickets welcomed before it was kept. */
  welcomeMessageId?: string;
  /** The guild's settings changed and the ticket has not read them yet. */
  settingsStale?: boolean;
  /** `channel`: `threadId` is the id of the ticket's own private channel. Absent for a thread, as in older runs. */
  channelKind?: 'channel';
  /** Set by staff (workflows/ticket/metadata.ts); absent in tickets opened before priorities, which count as normal. */
  priority?: TicketPriority;
  /** Labels from the guild's list, in its order; absent before labels. */
  labels?: string[];
  /** The thread's name as staff last renamed it; absent while it keeps the name it opened with. */
  threadName?: string;
  /**
   * The close request waiting for the creator's answer; null once a request ended, absent on tickets that never had
   * one (and in older runs).
   */
  pendingCloseRequest?: CloseRequestFacts | null;
  /** Why staff turned the inactivity timer off, while it is off; absent when they gave no reason (older tickets). */
  timerDisabledReason?: string;
  /** Whose answer the ticket waits for; absent in tickets opened before SLA tracking (workflows/ticket/sla.ts). */
  waitingOn?: WaitingOn;
  /** The SLA clocks, counted in support hours; absent in tickets opened before SLA tracking. */
  sla?: TicketSla;
  /** While closed: until when the creator or staff may reopen it; absent when the close is final. */
  reopenUntil?: number;
  /** How often the ticket was reopened. */
  reopens?: number;
  /** Who reopened it and when, oldest first (absent in runs before it was kept): the next summary lists them. */
  reopenedBy?: ReopenFacts[];
  /** While closed: until when the creator may rate this close; absent when not asked. */
  ratingUntil?: number;
  /** The closedAt of the close the creator was last asked about, so a continued run does not ask again. */
  creatorAskedFor?: number;
  /** The creator's rating of the last close. */
  rating?: TicketRating;
  /** The last close's summary in the histories channel, edited to show the rating. */
  summary?: { channelId: string; messageId: string; notice: Extract<TicketNotice, { kind: 'summary' }> };
}

/** A change to the thread's messages, queued in arrival order: a new or edited message, or a deletion. */
export type MessageChange =
  | { kind: 'message'; message: TicketMessage }
  | { kind: 'deletion'; deletion: MessageDeletion };

export interface TicketWorkflowInput {
  request: OpenTicketRequest;
  /** Present when the ticket continued as new: the state it carries over. */
  carried?: TicketView;
  /** Message changes accepted by the previous run but not stored yet; the new run stores them first. */
  carriedMessageChanges?: MessageChange[];
  /**
   * Continue as new once history holds this many events. The server also suggests it by itself; the
   * Java test server only does so at a large byte size, so tests set a small number.
   */
  continueAsNewAfterEvents?: number;
}

export interface AssignTicketInput {
  actor: Actor;
  /** null unassigns (a release, when the assignee does it). */
  assigneeId: string | null;
  /**
   * Whether the assignee holds a staff role or Manage Guild, as the caller resolved it; a run with the people rules
   * refuses a non-staff assignee. Absent from older callers; the actor's own isStaff covers a claim.
   */
  assigneeIsStaff?: boolean;
  /** Confirms taking the ticket from the staff member who holds it; without it, that change is refused. */
  takeOver?: boolean;
}

export interface AddRoleResult {
  ticket: TicketView;
  /** Discord added none or only some of the role's members (not mentionable, or about 100 members and more). */
  someMembersNotAdded: boolean;
}

export type OpenTicketResult =
  | { outcome: 'opened'; workflowId: string; number: number; threadId: string }
  /** The member opened this type moments ago (a double click): here is that ticket. */
  | { outcome: 'duplicate'; workflowId: string; number: number; threadId: string | null }
  | { outcome: 'refused'; code: RefusalCode; message: string; values?: RefusalValues };

export type CloseTicketResult =
  | { outcome: 'closed'; closure: ClosureFacts; transcriptKey: string }
  /** Someone else closed it first: the caller learns who and why, and nothing is done twice. */
  | { outcome: 'already_closed'; closure: ClosureFacts }
  /**
   * The close is under way but a step cannot finish yet (e.g. the bot may not lock the thread): it completes by
   * itself once the problem is fixed, and the ticket stays open meanwhile.
   */
  | { outcome: 'closing'; closure: ClosureFacts; problem: TicketProblem };

/** What the workflow returns when it ends. */
export type TicketWorkflowResult = OpenTicketResult | { outcome: 'closed'; number: number; closure: ClosureFacts };

export const openTicket = defineUpdate<OpenTicketResult>('openTicket');
export const replyReceived = defineSignal<[TicketMessage]>('replyReceived');
/** A thread message changed on Discord: the newer version replaces the stored one (an edit is not a new reply). */
export const messageEdited = defineSignal<[TicketMessage]>('messageEdited');
/** A thread message deleted on Discord: kept, marked deleted, so the record and transcript still show what was said. */
export const messageDeleted = defineSignal<[MessageDeletion]>('messageDeleted');
export const assignTicket = defineUpdate<TicketView, [AssignTicketInput]>('assignTicket');
export const addMember = defineUpdate<TicketView, [{ actor: Actor; memberId: string }]>('addMember');
/** Staff remove a member from the ticket's thread; the creator and the assignee stay. */
export const removeMember = defineUpdate<TicketView, [{ actor: Actor; memberId: string }]>('removeMember');
/** Staff bring a role's members into the ticket's thread by mentioning the role there. */
export const addRole = defineUpdate<AddRoleResult, [{ actor: Actor; roleId: string }]>('addRole');
export const pauseTimer = defineUpdate<TicketView, [{ actor: Actor }]>('pauseTimer');
export const resumeTimer = defineUpdate<TicketView, [{ actor: Actor }]>('resumeTimer');
/** `reason` is absent in histories of older bots; callers now give it. */
export const disableTimer = defineUpdate<TicketView, [{ actor: Actor; reason?: string }]>('disableTimer');
/** Staff ask the creator to confirm closing; without an answer it closes after `afterMs` (default 24 hours). */
export const requestClose = defineUpdate<TicketView, [{ actor: Actor; reason?: string | null; afterMs?: number }]>(
  'requestClose',
);
/** The creator (or staff, for accept) answers the pending close request `requestId`. */
export const answerCloseRequest = defineUpdate<
  TicketView,
  [{ actor: Actor; requestId: number; answer: CloseRequestAnswer }]
>('answerCloseRequest');
/** Staff reply from outside Discord (the panel): posted in the thread by the bot, signed, and stored as theirs. */
export const replyAsStaff = defineUpdate<TicketView, [{ actor: Actor; content: string }]>('replyAsStaff');
/** The creator or staff reopen a closed ticket within the guild's reopen window: same number, same thread. */
export const reopenTicket = defineUpdate<TicketView, [{ actor: Actor }]>('reopenTicket');
/** The creator rates a closed ticket, 1 to 5 with an optional comment, within 7 days of the close. */
export const rateTicket = defineUpdate<TicketView, [{ actor: Actor; stars: number; comment?: string | null }]>(
  'rateTicket',
);
export const closeTicket = defineUpdate<CloseTicketResult, [{ actor: Actor; reason?: string | null }]>('closeTicket');
/**
 * The guild's ticket settings or the bot's permissions changed: the ticket reads its settings again and retries
 * at once any step that a missing permission held up.
 */
export const settingsChanged = defineSignal('settingsChanged');
export const getTicketState = defineQuery<TicketView>('getTicketState');
