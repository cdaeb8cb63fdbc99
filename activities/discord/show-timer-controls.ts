import type { REST } from '@discordjs/rest';
import { type RESTPatchAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities, TimerState } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { ticketControlRows } from './notices/ticket-controls.ts';

const TIMER_STATES: readonly TimerState[] = ['running', 'paused', 'disabled'];

/**
 * Replaces the welcome message's components with the controls for this timer state, in one PATCH that sends only
 * the components: the rest of the message stays as posted, and a retry sends the same edit again.
 */
export function showTimerControls(rest: REST): TicketActivities['showTimerControls'] {
  return ({ threadId, messageId, ticketNumber, timer, language }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, messageId });
        if (!Number.isSafeInteger(ticketNumber) || ticketNumber < 1)
          throw invalidInput('showTimerControls needs a positive ticketNumber');
        if (!TIMER_STATES.includes(timer))
          throw invalidInput(`showTimerControls needs timer ${TIMER_STATES.join(', ')}; got ${String(timer)}`);
        const body: RESTPatchAPIChannelMessageJSONBody = {
          components: ticketControlRows(ticketNumber, timer, language),
        };
        await rest.patch(Routes.channelMessage(threadId, messageId), { body });
      },
      { permissions: ['View Channel'], channelId: threadId },
    );
}
