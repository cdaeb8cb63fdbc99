/** The daily retention run: its Schedule, its input and result, and the activities it asks for. */

/** One Schedule per namespace and deployment; the worker creates or updates it at start (temporal/retention-schedule.ts). */
export const RETENTION_SCHEDULE_ID = 'ticketflow-retention';
/** Each scheduled run's workflow id starts with this; the Schedule appends the time it was due. */
export const RETENTION_WORKFLOW_ID = 'retention';

/** What one guild's pass deleted, and what it looked at and kept (a longer plan held since the close). */
export interface RetentionCounts {
  /** Closed tickets whose transcript and messages were deleted. */
  tickets: number;
  /** Stored messages deleted. */
  messages: number;
  /** Transcript and media files deleted from transcript storage. */
  files: number;
  /** Closed tickets past the free plan's retention that a plan held since their close still keeps. */
  kept: number;
}

export interface GuildRetentionResult extends RetentionCounts {
  guildId: string;
}

/** A run's totals over the guilds it went through. */
export interface RetentionTotals extends RetentionCounts {
  guilds: number;
  /** Guilds whose pass failed after its retries; logged with the error, and tried again by the next run. */
  failedGuilds: number;
}

export interface RetentionRunResult extends RetentionTotals {
  /** The instant the run judged retention at: every guild's pass uses the same one. */
  asOf: number;
}

/** Empty when the Schedule starts it; carried across continue-as-new with where the run had come to. */
export interface RetentionRunInput {
  resume?: { asOf: number; afterGuildId: string; totals: RetentionTotals };
}

export interface RetentionActivities {
  /** Ids of configured guilds after `afterGuildId` (null: from the first), in id order. */
  listRetentionGuilds(input: { afterGuildId: string | null; limit: number }): Promise<string[]>;
  /**
   * Deletes the transcripts and stored messages of the guild's closed tickets that are past retention at `asOf`, in
   * pages, heartbeating its place so a retry resumes there. Idempotent: a second pass deletes nothing more.
   */
  purgeExpiredTickets(input: { guildId: string; asOf: number }): Promise<GuildRetentionResult>;
}
