import type { REST } from '@discordjs/rest';
import { type RESTPatchAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { closeRequestOutcomeMessage } from './notices/close-request.ts';
import { fitEmbed } from './notices/limits.ts';

/**
 * Replaces a close request's question with its outcome and removes its buttons, in one PATCH that sends only the
 * embed and the components: the mention stays as posted, and a retry sends the same edit again.
 */
export function showCloseRequestOutcome(rest: REST): TicketActivities['showCloseRequestOutcome'] {
  return ({ threadId, messageId, ticket, request, outcome, actorId }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, messageId });
        const { embeds, components } = closeRequestOutcomeMessage(ticket, request, outcome, actorId);
        const body: RESTPatchAPIChannelMessageJSONBody = { embeds: embeds.map(fitEmbed), components };
        await rest.patch(Routes.channelMessage(threadId, messageId), { body });
      },
      { permissions: ['View Channel'], channelId: threadId },
    );
}
