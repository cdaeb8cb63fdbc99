/**
 * Where the web panel shows a ticket and its transcript. Notices in Discord link to these pages and the panel serves
 * them, so both take the paths from here; they are part of the panel's interface and do not change.
 */

export function ticketPagePath(guildId: string, ticketNumber: number): string {
  return `/guilds/${guildId}/tickets/${ticketNumber}`;
}

export function transcriptPagePath(guildId: string, ticketNumber: number): string {
  return `/transcripts/${guildId}/${ticketNumber}`;
}

/** The guild's billing page: its plan, usage against the plan's limits, and where to upgrade. */
export function billingPagePath(guildId: string): string {
  return `/guilds/${guildId}/billing`;
}
