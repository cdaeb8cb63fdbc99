import type { APIMessage } from 'discord-api-types/v10';
import { OUTCOME_FOLLOWS } from '../../bot/replies.ts';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { eventually } from './ticket-harness.ts';

/** Whether an answer is the bot's word before the outcome is known: it is edited once the outcome comes. */
export function isInterim(message: APIMessage): boolean {
  return message.content.endsWith(OUTCOME_FOLLOWS);
}

/**
 * The bot's final answer to an interaction. When the ticket service is slow the bot first answers what is known
 * (ending with OUTCOME_FOLLOWS) and edits that answer once the outcome comes; this waits for the edit.
 */
export function settledReply(interaction: SandboxInteraction, timeoutMs: number): Promise<APIMessage> {
  const deadline = Date.now() + timeoutMs;
  return eventually(async () => {
    const reply = await interaction.waitForReply(Math.max(1, deadline - Date.now()));
    if (isInterim(reply)) throw new Error(`the answer is still interim: "${reply.content}"`);
    return reply;
  }, timeoutMs);
}
