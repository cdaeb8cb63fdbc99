import { createHash } from 'node:crypto';
import type { REST } from '@discordjs/rest';
import { type APIMessage, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import type { NoticeSettings } from './notices/format.ts';
import { renderNotice } from './notices/index.ts';

/** Discord's nonce is at most 25 characters; 25 hex digits of SHA-256 keep 100 bits of the key. */
export function messageNonce(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 25);
}

/** A notice goes to a channel or a thread; which one the activity is not told, so both rights are named. */
const POSTING_NEEDS = (channelId: string) => ({
  permissions: ['View Channel', 'Send Messages', 'Send Messages in Threads', 'Embed Links'],
  channelId,
});

/**
 * Posts a notice once. With `enforce_nonce`, Discord answers a repeated nonce from the same bot with the
 * message it already created, so a retried attempt returns the first message instead of posting twice.
 * Discord keeps nonces only for "the past few minutes": a retry after a longer outage may post again.
 */
export function postNotice(rest: REST, settings: NoticeSettings = {}): TicketActivities['postNotice'] {
  return ({ channelId, idempotencyKey, notice }) =>
    withDiscordFailures(async () => {
      requireDiscordIds({ channelId });
      if (!idempotencyKey) throw invalidInput('postNotice needs a non-empty idempotencyKey');
      const body: RESTPostAPIChannelMessageJSONBody = {
        ...renderNotice(notice, settings),
        nonce: messageNonce(idempotencyKey),
        enforce_nonce: true,
      };
      const message = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
      return { messageId: message.id };
    }, POSTING_NEEDS(channelId));
}
