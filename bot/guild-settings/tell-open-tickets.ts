import { announceGuildSettingsChanged } from '../../temporal/guild-settings-client.ts';
import type { BotServices } from '../bot-context.ts';
import { retrySignal } from '../messages/retry-signal.ts';
import { logFailure } from '../replies.ts';

/**
 * Starts the guild's durable fan-out that tells each open ticket to re-read its settings and retry what a missing
 * permission held up. It does not hold up the admin's answer: it is retried in the background for about ten
 * minutes (a Temporal restart), then logged; the tickets still retry held-up steps on their own timers.
 */
export function tellOpenTickets(services: BotServices, guildId: string): void {
  void retrySignal(() =>
    announceGuildSettingsChanged(services.temporal, { guildId, taskQueue: services.taskQueue }),
  ).catch((error: unknown) =>
    logFailure(`could not tell the open tickets of guild ${guildId} that its settings changed`, error),
  );
}
