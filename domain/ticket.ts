/** Types shared by the ticket workflow, its activities and its callers (bot, panel, CLI). Pure: no I/O. */

import type { CloseRequestFacts, CloseRequestOutcome } from './close-request.ts';
import type { RoutingMode } from './routing.ts';
import type { SupportHours } from './support-hours.ts';
import type { TicketMode } from './ticket-channel-mode.ts';
import type { TicketPriority } from './ticket-metadata.ts';
import type { SlaSettings, SlaTarget, WaitingOn } from './ticket-sla.ts';

export type TicketStatus = 'opening' | 'open' | 'closed' | 'refused';
export type TimerState = 'running' | 'paused' | 'disabled';

/** Who asks for a change. The caller (bot or panel) resolves staff membership; the workflow enforces the rules. */
export interface Actor {
  id: string;
  name: string;
  isStaff: boolean;
}

export interface TicketAnswer {
  question: string;
  answer: string;
}

export interface OpenTicketRequest {
  guildId: string;
  /** Key of the guild's ticket type. */
  type: string;
  creator: { id: string; name: string };
  answers: TicketAnswer[];
  /** The creator's Discord client language (`de`, `pt-BR`, …) when they opened it: their direct messages use it. */
  locale?: string;
}

export interface TicketAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
  url: string;
}

export interface TicketMessage {
  /** Discord message id: the key that makes storing a message idempotent. */
  id: string;
  authorId: string;
  authorName: string;
  authorIsBot: boolean;
  content: string;
  attachments: TicketAttachment[];
  createdAt: number;
  editedAt: number | null;
}

/** A thread message deleted on Discord. Discord does not say who deleted it. */
export interface MessageDeletion {
  messageId: string;
  deletedAt: number;
}

/** The guild configuration a ticket captured when it opened; durations in milliseconds. */
export interface TicketSettings {
  typeName: string;
  openingMessage: string;
  questions: string[];
  staffRoleIds: string[];
  ticketChannelId: string;
  historiesChannelId: string | null;
  remindersChannelId: string | null;
  /** null when notifications are off. */
  notificationRoleId: string | null;
  inactivityTimeoutMs: number;
  inactivityGraceMs: number;
  reminderIntervalMs: number;
  /**
   * The guild's language (one of i18n's supported locales) for what the ticket says to everyone in the thread and
   * the histories channel; absent in tickets opened before guilds chose one, which speak English.
   */
  language?: string;
  /** `channel`: the ticket opens as a private channel in `ticketCategoryIds`; absent in thread-mode tickets. */
  mode?: TicketMode;
  /** The guild's ticket categories in order, captured with `mode: 'channel'`. */
  ticketCategoryIds?: string[];
  /** How the type assigns a new ticket; absent in tickets opened before routing, which were not routed. */
  routing?: RoutingMode;
  /** The type's SLA and the guild's support hours when it opened; absent in tickets opened before SLA tracking. */
  sla?: SlaSettings;
  /** How long a closed ticket may be reopened; 0 when it is final at once. Absent in older tickets: the default. */
  reopenWindowMs?: number;
  /** Whether the creator gets a direct message with the closing reason and transcript; absent in older tickets: on. */
  closingDmEnabled?: boolean;
}

/**
 * The settings an open ticket follows when the guild changes them; the rest of TicketSettings stays as the
 * ticket captured it (see workflows/ticket/settings-refresh.ts).
 */
export type FollowedSettings = Pick<
  TicketSettings,
  | 'staffRoleIds'
  | 'historiesChannelId'
  | 'remindersChannelId'
  | 'inactivityTimeoutMs'
  | 'inactivityGraceMs'
  | 'reminderIntervalMs'
  | 'language'
  | 'reopenWindowMs'
  | 'closingDmEnabled'
> & {
  /** The guild's support hours, which open tickets' SLA clocks count in; absent from older workers' activities. */
  supportHours?: SupportHours;
};

export type RefusalCode =
  | 'unknown_guild'
  | 'unknown_type'
  | 'blocked'
  | 'type_limit'
  | 'member_limit'
  | 'cooldown'
  /** The guild opened its plan's tickets for this calendar month (UTC). */
  | 'monthly_limit'
  /** Discord refused to create the thread (e.g. a missing permission); the ticket was closed at once. */
  | 'thread_failed'
  /** A retried request whose ticket was opened and has closed since. */
  | 'request_closed'
  /** Channel mode: every ticket category of the guild holds Discord's 50 channels. */
  | 'categories_full';

export type Registration =
  | { outcome: 'registered'; ticketId: string; number: number; settings: TicketSettings }
  /** The member opened the same type moments ago (a double click): answer with that ticket. */
  | { outcome: 'duplicate'; number: number; workflowId: string; threadId: string | null }
  /**
   * `message` is English, for logs and operators; the bot words the refusal in the member's language from `code`
   * and `values` (absent in registrations from before they were given).
   */
  | { outcome: 'refused'; code: RefusalCode; message: string; values?: RefusalValues };

/** What a refusal's words need: counts, limits, a type's name, seconds to wait. */
export type RefusalValues = Record<string, string | number>;

export type TicketEventKind =
  | 'opened'
  | 'replied'
  | 'assigned'
  | 'unassigned'
  | 'member_added'
  | 'member_removed'
  | 'role_added'
  | 'timer_paused'
  | 'timer_resumed'
  | 'timer_disabled'
  | 'reminder_sent'
  | 'warning_sent'
  | 'closed'
  | 'priority_changed'
  | 'labels_changed'
  | 'renamed'
  | 'moved'
  | 'close_requested'
  | 'close_request_accepted'
  | 'close_request_declined'
  | 'close_request_cancelled'
  | 'close_request_expired'
  /** An SLA target was missed (data: target, targetMinutes); once per target. */
  | 'sla_breached'
  | 'reopened'
  | 'rated';

/** A notice to a guild's staff that is sent at most once per period, claimed by one ticket's key. */
export interface StaffNoticeClaim {
  guildId: string;
  kind: 'categories_full';
  key: string;
  at: number;
  everyMs: number;
}

/** One reopen of a closed ticket: who did it and when. */
export interface ReopenFacts {
  actorId: string;
  at: number;
}

export interface TicketEvent {
  /** Unique per event, made deterministically by the workflow, so a retried write stores one row. */
  key: string;
  kind: TicketEventKind;
  actorId: string | null;
  at: number;
  data?: Record<string, string | number | boolean | null>;
}

/** Columns of the ticket row a change may set; absent fields are left alone. */
export interface TicketPatch {
  threadId?: string;
  status?: 'open' | 'closed';
  assigneeId?: string | null;
  timerState?: TimerState;
  lastActivityAt?: number;
  /** null when a reopen clears the close. */
  closedAt?: number | null;
  closeReason?: string | null;
  closedById?: string | null;
  transcriptKey?: string;
  memberIdAdded?: string;
  priority?: TicketPriority;
  labels?: string[];
  /** A move to another type: its key and name. */
  typeKey?: string;
  typeName?: string;
  memberIdRemoved?: string;
  waitingOn?: WaitingOn;
  /** The creator's rating of the last close; null when a reopen clears it. */
  rating?: { stars: number; comment: string | null } | null;
}

export interface TicketRef {
  guildId: string;
  ticketId: string;
}

export interface TicketFacts {
  guildId: string;
  number: number;
  typeName: string;
  creatorId: string;
  creatorName: string;
  assigneeId: string | null;
  threadId: string | null;
  openedAt: number;
  /** The guild's language (TicketSettings.language) that thread notices speak; absent means English. */
  language?: string;
}

/**
 * What a ticket's step talks to. A problem is tracked per target: a step on that target that succeeds clears it,
 * since whatever held it up (a permission, an outage) is fixed.
 */
export type ProblemTarget = 'thread' | 'histories_channel' | 'reminders_channel' | 'database' | 'transcripts';

/** A step that cannot complete yet; the ticket retries it by itself and stays as it was meanwhile. */
export interface TicketProblem {
  target: ProblemTarget;
  /** The step held up, in words: `lock the thread`, `post the inactivity warning`. */
  step: string;
  /** `missing_permission`: Discord answered 403, a guild must fix it. `failing`: anything else, again and again. */
  kind: 'missing_permission' | 'failing';
  /** What went wrong, naming the permission the bot lacks where that is known. */
  message: string;
  since: number;
  attempts: number;
}

export interface ClosureFacts {
  reason: string | null;
  closedById: string | null;
  closedAt: number;
  /** true when the inactivity timer closed it. */
  automatic: boolean;
}

/** What the workflow asks Discord to say; the Discord activities decide how it looks. */
export type TicketNotice =
  | {
      kind: 'welcome';
      ticket: TicketFacts;
      openingMessage: string;
      answers: TicketAnswer[];
      questions: string[];
      notificationRoleId: string | null;
      /** The timer the controls show; absent in welcomes scheduled by older workers, whose tickets began running. */
      timer?: TimerState;
      /** Shown in the summary once staff set them (see workflows/ticket/metadata.ts); absent before. */
      priority?: TicketPriority;
      labels?: string[];
      language?: string;
    }
  | { kind: 'assigned'; ticket: TicketFacts; actor: Actor }
  | { kind: 'member_added'; ticket: TicketFacts; memberId: string; actor: Actor }
  /** In the guild's language (`TicketSettings.language`); absent means English. */
  | { kind: 'member_removed'; ticket: TicketFacts; memberId: string; actor: Actor; language?: string }
  /** Mentions the role, which brings its members into the thread (see addRoleToThread). */
  | { kind: 'role_added'; ticket: TicketFacts; roleId: string; actor: Actor; language?: string }
  /** Routing chose the assignee (pinged), or found nobody available and pings the fallback role instead. */
  | {
      kind: 'routed';
      ticket: TicketFacts;
      mode: RoutingMode;
      assigneeId: string | null;
      fallbackRoleId: string | null;
      language?: string;
    }
  /** `reason`: why staff turned the timer off, when they said (absent for older tickets and other changes). */
  | { kind: 'timer_changed'; ticket: TicketFacts; timer: TimerState; actor: Actor; reason?: string }
  /** Asks the creator, by mention, to accept or keep open; carries the request's buttons. */
  | { kind: 'close_requested'; ticket: TicketFacts; request: CloseRequestFacts; actor: Actor }
  /** How a close request ended; `actorId` is who answered (null when it expired). */
  | {
      kind: 'close_request_ended';
      ticket: TicketFacts;
      request: CloseRequestFacts;
      outcome: CloseRequestOutcome;
      actorId: string | null;
    }
  | { kind: 'inactivity_warning'; ticket: TicketFacts; closesAt: number }
  | { kind: 'reminder'; ticket: TicketFacts; remindedAt: number }
  /** Opened outside support hours: the member hears when staff are back. */
  | { kind: 'support_away'; ticket: TicketFacts; backAt: number; language?: string }
  /** A missed SLA target, pinging the escalation role (null: nobody). */
  | {
      kind: 'sla_breached';
      ticket: TicketFacts;
      target: SlaTarget;
      targetMinutes: number;
      escalationRoleId: string | null;
      language?: string;
    }
  | {
      kind: 'closing';
      ticket: TicketFacts;
      closure: ClosureFacts;
      /** Until when the creator or staff may reopen it (a Reopen button); absent when the close is final. */
      reopenUntil?: number;
      /** `channel`: the ticket is a private channel, locked now and deleted once final; absent for a thread. */
      channelKind?: 'channel';
    }
  | {
      kind: 'summary';
      ticket: TicketFacts;
      closure: ClosureFacts;
      transcriptKey: string;
      messageCount: number;
      /** The creator's rating, once given: the summary is edited to show it. */
      rating?: TicketRating;
      /** The reopens of a ticket closed again, oldest first. */
      reopens?: ReopenFacts[];
    }
  | { kind: 'reopened'; ticket: TicketFacts; actor: Actor }
  /** To staff: a ticket was refused because every ticket category is full; names the fix. */
  | { kind: 'categories_full'; ticket: TicketFacts; categoryCount: number }
  /** The creator's direct messages are closed: asked in the thread instead, with a button only they may use. */
  | { kind: 'rating_prompt'; ticket: TicketFacts }
  /** Tells staff, wherever it can, that a step is held up by a problem only the guild can fix. */
  | { kind: 'problem'; ticket: TicketFacts; problem: TicketProblem }
  | { kind: 'priority_changed'; ticket: TicketFacts; language?: string; priority: TicketPriority; actor: Actor }
  | {
      kind: 'labels_changed';
      ticket: TicketFacts;
      language?: string;
      added: string[];
      removed: string[];
      labels: string[];
      actor: Actor;
    }
  | { kind: 'renamed'; ticket: TicketFacts; language?: string; name: string; actor: Actor }
  /** The ticket now follows another type: its questions are asked, its earlier answers kept. */
  | { kind: 'moved'; ticket: TicketFacts; language?: string; fromTypeName: string; questions: string[]; actor: Actor };

/**
 * One member's or role's access to a ticket channel: `write` sees and writes, `read` sees and may not write
 * (a locked ticket), `none` takes the overwrite away (the channel's @everyone deny hides it).
 */
export interface TicketChannelAccess {
  id: string;
  kind: 'member' | 'role';
  access: 'write' | 'read' | 'none';
}

/** The creator's satisfaction with a closed ticket. */
export interface TicketRating {
  /** 1 to 5. */
  stars: number;
  comment: string | null;
  ratedAt: number;
}

/** What the ticket tells its creator privately after a close, in their own language. */
export interface CreatorMessage {
  kind: 'closed';
  ticket: TicketFacts;
  closure: ClosureFacts;
  /** Tried in order, English after them: the creator's Discord language when they opened it, the guild's. */
  locales: (string | null)[];
  /** The closing reason and the transcript's link (the guild may turn this part off). */
  closingDetails: boolean;
  /** Rating buttons, while the creator may still rate. */
  askRating: boolean;
  /** Until when the ticket may be reopened, if it may. */
  reopenUntil?: number;
}

export type CreatorMessageOutcome =
  | { outcome: 'sent'; channelId: string; messageId: string }
  /** The creator does not take direct messages from the bot (Discord's 50007). */
  | { outcome: 'dms_closed' };

export interface TranscriptRef {
  /** Storage key of the stored transcript, e.g. `guildId/0042`. */
  key: string;
  bytes: number;
  messageCount: number;
}

/**
 * Every side effect the ticket workflow performs. Each call is idempotent: a retry with the same
 * input leaves the same state in Discord and Postgres as one call.
 */
export interface TicketActivities {
  registerTicket(input: { workflowId: string; request: OpenTicketRequest; openedAt: number }): Promise<Registration>;
  /** Applies the patch and appends the event (when given) in one transaction; idempotent on the event key. */
  recordTicketChange(input: TicketRef & { event?: TicketEvent; patch: TicketPatch }): Promise<void>;
  /** Stores new and edited messages (the newest version wins), then marks deleted ones; idempotent per message. */
  storeMessages(input: TicketRef & { messages: TicketMessage[]; deletions?: MessageDeletion[] }): Promise<void>;

  /** The guild's current settings that open tickets follow; null when the guild's configuration is gone. */
  loadFollowedSettings(input: { guildId: string }): Promise<FollowedSettings | null>;

  createTicketThread(input: { guildId: string; channelId: string; name: string }): Promise<{ threadId: string }>;
  addThreadMembers(input: { threadId: string; userIds: string[] }): Promise<void>;
  /**
   * Brings the members of these staff roles into the thread by mentioning the roles in one silent message, which
   * makes Discord add them; no guild member list is read. Idempotent per thread and set of roles.
   */
  addStaffToThread(input: { guildId: string; threadId: string; staffRoleIds: string[] }): Promise<{
    /** Discord flagged that some role was too large to add by mention (about 100 members and more). */
    someRolesNotAdded: boolean;
  }>;
  /** idempotencyKey is any stable string; the activity derives Discord's 25-character nonce from it. */
  postNotice(input: {
    channelId: string;
    idempotencyKey: string;
    notice: TicketNotice;
  }): Promise<{ messageId: string }>;
  lockThread(input: { threadId: string; reason: string }): Promise<void>;
  /**
   * Posts in a closed (locked, archived) thread, which only an unarchived thread takes: unarchives it, keeping it
   * locked, posts, and archives it again. Idempotent per key.
   */
  postInClosedThread(input: { threadId: string; idempotencyKey: string; notice: TicketNotice }): Promise<{
    messageId: string;
  }>;
  /** Replaces a posted notice with the same notice's newer state (the summary with its rating). */
  editNotice(input: { channelId: string; messageId: string; notice: TicketNotice }): Promise<void>;
  /**
   * A direct message to a ticket's creator: opens the DM channel (the same one each time) and sends with a nonce
   * derived from the key, so a retry sends once. DMs closed is an answer, not a failure.
   */
  messageCreator(input: {
    userId: string;
    idempotencyKey: string;
    message: CreatorMessage;
  }): Promise<CreatorMessageOutcome>;
  /** Sets the controls under the ticket's welcome message to match the timer; the same edit however often it runs. */
  showTimerControls(input: {
    threadId: string;
    messageId: string;
    ticketNumber: number;
    timer: TimerState;
    /** The language of the controls' words (the guild's); absent means English. */
    language?: string;
  }): Promise<void>;
  /**
   * Shows how a close request ended on its message, in place of the request, and removes its buttons; the same edit
   * however often it runs.
   */
  showCloseRequestOutcome(input: {
    threadId: string;
    messageId: string;
    ticket: TicketFacts;
    request: CloseRequestFacts;
    outcome: CloseRequestOutcome;
    actorId: string | null;
  }): Promise<void>;
  /**
   * Posts a staff member's reply written outside Discord (the panel) in the thread, through the bot and signed with
   * their name; returns it as the ticket stores it (written by that staff member). Idempotent per key.
   */
  postStaffReply(input: {
    threadId: string;
    idempotencyKey: string;
    staff: { id: string; name: string };
    content: string;
  }): Promise<TicketMessage>;

  /**
   * Channel mode: a private text channel in the first of `categoryIds` with room, seen by the creator, the staff
   * roles and the bot only. Idempotent per ticket id (the channel's topic carries it).
   */
  createTicketChannel(input: {
    guildId: string;
    categoryIds: string[];
    name: string;
    topic: string;
    ticketId: string;
    creatorId: string;
    staffRoleIds: string[];
  }): Promise<{ outcome: 'created'; channelId: string } | { outcome: 'categories_full'; categoryCount: number }>;
  /** Channel mode: sets who may see and write in the ticket's channel; the same overwrites however often it runs. */
  setTicketChannelAccess(input: { channelId: string; access: TicketChannelAccess[]; reason: string }): Promise<void>;
  /**
   * Channel mode: the ticket channel's staff roles follow the guild's: each of `staffRoleIds` may write, each of
   * `removedRoleIds` loses its overwrite. Reads the channel once and changes only the overwrites that differ, so a
   * retry changes nothing twice. Returns how many overwrites it changed.
   */
  followTicketChannelStaff(input: {
    channelId: string;
    staffRoleIds: string[];
    removedRoleIds: string[];
    reason: string;
  }): Promise<{ changed: number }>;
  /** Channel mode: deletes the ticket's channel once the ticket is final; a channel already gone is done. */
  deleteTicketChannel(input: { channelId: string; reason: string }): Promise<void>;
  /** Unarchives and unlocks a ticket's thread (a reopened ticket); an open, unlocked thread is left as it is. */
  unlockThread(input: { threadId: string; reason: string }): Promise<void>;
  /** Removes a user from a thread; one who is not in it is removed already, so a retry is safe. */
  removeThreadMember(input: { threadId: string; userId: string }): Promise<void>;
  /**
   * Posts the role_added notice, whose role mention makes Discord add the role's members to the thread (as
   * addStaffToThread does for staff). Idempotent per key.
   */
  addRoleToThread(input: {
    threadId: string;
    idempotencyKey: string;
    notice: Extract<TicketNotice, { kind: 'role_added' }>;
  }): Promise<{
    /** Discord did not add the role's members: the role is not mentionable, or too large (about 100 members). */
    someMembersNotAdded: boolean;
  }>;
  /**
   * Claims the guild's notice of one kind for `key` when none was sent within `everyMs` before `at`, or `key` holds it
   * already (a retry): only a claimed notice is posted, so staff hear of a burst of the same trouble once.
   */
  claimStaffNotice(input: StaffNoticeClaim): Promise<{ claimed: boolean }>;
  /**
   * Chooses the assignee of a new ticket among the type's available staff and sets it on the ticket's row, in one
   * Postgres transaction (round-robin pointer locked per guild and type). The same ticket gets the same answer on
   * every retry; null when nobody is available.
   */
  routeTicket(input: TicketRef & { typeKey: string; mode: RoutingMode; staffRoleIds: string[]; at: number }): Promise<{
    assigneeId: string | null;
  }>;

  renderTranscript(input: TicketRef & { number: number; closure: ClosureFacts }): Promise<TranscriptRef>;

  /** The names of the guild's ticket labels, in its order; empty when it has none (or no configuration). */
  loadGuildLabels(input: { guildId: string }): Promise<string[]>;
  /** What a ticket moved to this type of the guild takes from it; null when the guild has no such type. */
  loadTicketTypeSettings(input: { guildId: string; typeKey: string }): Promise<MovedTypeSettings | null>;
  /**
   * Renames the thread (or channel). Discord allows about 2 renames per 10 minutes per channel: past that it fails at once with
   * DiscordRateLimited, whose details carry `retryAfterMs`, rather than waiting inside the activity.
   */
  renameThread(input: {
    threadId: string;
    name: string;
    /** A channel-mode ticket's channel, which has no archived state to clear. */
    channel?: boolean;
  }): Promise<void>;
  /** Replaces the welcome message's embed and controls with this welcome as rendered now; the same edit on a retry. */
  editWelcome(input: {
    threadId: string;
    messageId: string;
    notice: Extract<TicketNotice, { kind: 'welcome' }>;
  }): Promise<void>;
}

/** The parts of TicketSettings that belong to a ticket's type, which a move replaces. */
export type MovedTypeSettings = Pick<
  TicketSettings,
  'typeName' | 'openingMessage' | 'questions' | 'staffRoleIds' | 'sla'
>;
