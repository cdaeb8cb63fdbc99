import type { Client } from '@temporalio/client';
import { guildSettingsSaved, guildSettingsWorkflowId } from '../workflows/guild-settings/definitions.ts';
import type { guildSettingsFanOutWorkflow } from '../workflows/guild-settings/fan-out-workflow.ts';

/**
 * Tells the guild's open tickets that its settings (or the bot's permissions there) changed, through one durable
 * fan-out per guild: call it after every successful save, from any writer. Returns once Temporal has the request.
 */
export async function announceGuildSettingsChanged(
  client: Client,
  input: { guildId: string; taskQueue: string },
): Promise<void> {
  await client.workflow.signalWithStart<typeof guildSettingsFanOutWorkflow, []>('guildSettingsFanOutWorkflow', {
    workflowId: guildSettingsWorkflowId(input.guildId),
    taskQueue: input.taskQueue,
    args: [{ guildId: input.guildId }],
    signal: guildSettingsSaved,
    signalArgs: [],
    staticSummary: `Tell the open tickets of guild ${input.guildId} that its settings changed`,
  });
}
