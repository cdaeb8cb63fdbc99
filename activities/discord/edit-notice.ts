import type { REST } from '@discordjs/rest';
import { type RESTPatchAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import type { NoticeSettings } from './notices/format.ts';
import { renderNotice } from './notices/index.ts';

/** Replaces a posted notice with its newer state in one PATCH; sending the same edit again changes nothing. */
export function editNotice(rest: REST, settings: NoticeSettings = {}): TicketActivities['editNotice'] {
  return ({ channelId, messageId, notice }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ channelId, messageId });
        const { content, embeds, components, allowed_mentions } = renderNotice(notice, settings);
        const body: RESTPatchAPIChannelMessageJSONBody = {
          content: content ?? null,
          embeds,
          components: components ?? [],
          allowed_mentions,
        };
        await rest.patch(Routes.channelMessage(channelId, messageId), { body });
      },
      { permissions: ['View Channel'], channelId },
    );
}
