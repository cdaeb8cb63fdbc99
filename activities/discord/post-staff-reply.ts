import type { REST } from '@discordjs/rest';
import { type APIMessage, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { MESSAGE_LIMITS } from './notices/limits.ts';
import { messageNonce } from './post-notice.ts';

/** Markdown that would restyle a name: it is shown as typed. */
const MARKDOWN = /[\\*_~`|>#[\]()-]/g;

/**
 * The message as Discord shows it: the staff member's name, then what they wrote, pinging nobody (the member is in the
 * thread already). The ticket stores it as theirs, with what they wrote and no signature.
 */
export function postStaffReply(rest: REST): TicketActivities['postStaffReply'] {
  return ({ threadId, idempotencyKey, staff, content }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, staffId: staff.id });
        const signed = `**${staff.name.replace(MARKDOWN, '\\$&')}** (staff): ${content}`;
        if (content.trim() === '' || signed.length > MESSAGE_LIMITS.content) {
          throw invalidInput(`a staff reply needs text and must fit Discord's ${MESSAGE_LIMITS.content} characters`);
        }
        const body: RESTPostAPIChannelMessageJSONBody = {
          content: signed,
          allowed_mentions: { parse: [] },
          nonce: messageNonce(idempotencyKey),
          enforce_nonce: true,
        };
        const message = (await rest.post(Routes.channelMessages(threadId), { body })) as APIMessage;
        return {
          id: message.id,
          authorId: staff.id,
          authorName: staff.name,
          authorIsBot: false,
          content,
          attachments: [],
          createdAt: Date.parse(message.timestamp),
          editedAt: null,
        };
      },
      { permissions: ['View Channel', 'Send Messages in Threads'], channelId: threadId },
    );
}
