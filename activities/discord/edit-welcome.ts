import type { REST } from '@discordjs/rest';
import { type RESTPatchAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { renderNotice } from './notices/index.ts';

/**
 * Replaces the welcome message's embed and controls with the welcome as the ticket is now (its type, priority and
 * labels in the summary), in one PATCH. The text above the embed, with its pings, stays as posted; the same notice
 * sent again is the same edit.
 */
export function editWelcome(rest: REST): TicketActivities['editWelcome'] {
  return ({ threadId, messageId, notice }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, messageId });
        if (notice?.kind !== 'welcome') throw invalidInput('editWelcome needs a welcome notice');
        const { embeds, components } = renderNotice(notice);
        const body: RESTPatchAPIChannelMessageJSONBody = { embeds, components };
        await rest.patch(Routes.channelMessage(threadId, messageId), { body });
      },
      { permissions: ['View Channel'], channelId: threadId },
    );
}
