import { defineSignal } from '@temporalio/workflow';

/** A writer (the bot's /ticket-config, the panel) saved the guild's settings, or the bot's permissions changed. */
export const guildSettingsSaved = defineSignal('guildSettingsSaved');

/** One fan-out per guild: a save while it runs joins it instead of starting a second one. */
export function guildSettingsWorkflowId(guildId: string): string {
  return `guild-settings:${guildId}`;
}

export interface GuildSettingsFanOutInput {
  guildId: string;
  /** Set when a pass continues in a new run: the last ticket workflow already told, and whether a save came since. */
  resume?: { afterWorkflowId: string; savedAgain: boolean };
}

export interface GuildSettingsActivities {
  /** Workflow ids of the guild's opening and open tickets, in id order, after `afterWorkflowId`. */
  listOpenTicketWorkflows(input: { guildId: string; afterWorkflowId: string | null; limit: number }): Promise<string[]>;
}
