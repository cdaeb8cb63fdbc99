import { announceGuildSettingsChanged } from '../../temporal/guild-settings-client.ts';
import type { BotContext } from '../bot-context.ts';
import { retrySignal, SIGNAL_RETRY_DELAYS_MS } from '../messages/retry-signal.ts';
import { logFailure } from '../replies.ts';

/** One attempt ends by then, retries included, so a stopping bot waits at most this long for it. */
const ATTEMPT_DEADLINE_MS = 5_000;

/**
 * Starts the guild's durable fan-out that tells each open ticket to re-read its settings and retry what a missing
 * permission held up. It does not hold up the admin's answer: it runs in the background and is retried for about
 * ten minutes (a Temporal restart), then logged; the tickets still retry held-up steps on their own timers.
 */
export function tellOpenTickets(context: Pick<BotContext, 'temporal' | 'taskQueue' | 'background'>, guildId: string) {
  context.background.run(async (stopping) => {
    const announce = () =>
      context.temporal.withDeadline(Date.now() + ATTEMPT_DEADLINE_MS, () =>
        announceGuildSettingsChanged(context.temporal, { guildId, taskQueue: context.taskQueue }),
      );
    await retrySignal(announce, SIGNAL_RETRY_DELAYS_MS, () => undefined, stopping).catch((error: unknown) =>
      logFailure(`could not tell the open tickets of guild ${guildId} that its settings changed`, error),
    );
  });
}
