import type { APIMessage } from 'discord-api-types/v10';
import { SUPPORTED_LOCALES } from '../../i18n/locales.ts';
import { translate } from '../../i18n/translate.ts';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { eventually } from './ticket-harness.ts';

/** The sentence that ends every answer given before the outcome is known, in each language the bot speaks. */
const OUTCOME_FOLLOWS = SUPPORTED_LOCALES.map((locale) => translate(locale, 'replies.outcomeFollows'));

/** Whether an answer is the bot's word before the outcome is known: it is edited once the outcome comes. */
export function isInterim(message: APIMessage): boolean {
  return OUTCOME_FOLLOWS.some((sentence) => message.content.endsWith(sentence));
}

/**
 * The bot's final answer to an interaction. When the ticket service is slow the bot first answers what is known
 * (ending with replies.outcomeFollows) and edits that answer once the outcome comes; this waits for the edit.
 */
export function settledReply(interaction: SandboxInteraction, timeoutMs: number): Promise<APIMessage> {
  const deadline = Date.now() + timeoutMs;
  return eventually(async () => {
    const reply = await interaction.waitForReply(Math.max(1, deadline - Date.now()));
    if (isInterim(reply)) throw new Error(`the answer is still interim: "${reply.content}"`);
    return reply;
  }, timeoutMs);
}
