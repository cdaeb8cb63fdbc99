import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  type APIChannel,
  type APIMessage,
  RESTJSONErrorCodes,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { renderClosedMessage } from './creator-messages/closed-message.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import type { NoticeSettings } from './notices/format.ts';
import { fitEmbed } from './notices/limits.ts';
import { messageNonce } from './post-notice.ts';

/** DM channels remembered per worker: Discord answers the same channel for a user every time. */
const REMEMBERED_DM_CHANNELS = 1000;

/**
 * A direct message to a ticket's creator. The DM channel is opened once per user and remembered (one request the
 * first time, none after), then the message goes with a nonce from the key, so a retry sends it once. A creator who
 * takes no DMs from the bot (Discord's 50007: DMs closed, or no shared server) is an answer: `dms_closed`.
 */
export function messageCreator(rest: REST, settings: NoticeSettings = {}): TicketActivities['messageCreator'] {
  const dmChannels = new Map<string, string>();
  const dmChannelOf = async (userId: string): Promise<string> => {
    const known = dmChannels.get(userId);
    if (known) return known;
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    if (dmChannels.size >= REMEMBERED_DM_CHANNELS) dmChannels.delete(dmChannels.keys().next().value as string);
    dmChannels.set(userId, channel.id);
    return channel.id;
  };
  return ({ userId, idempotencyKey, message }) =>
    withDiscordFailures(async () => {
      requireDiscordIds({ userId });
      if (!idempotencyKey) throw invalidInput('messageCreator needs a non-empty idempotencyKey');
      const rendered = renderClosedMessage(message, settings);
      const body: RESTPostAPIChannelMessageJSONBody = {
        ...rendered,
        embeds: rendered.embeds.map(fitEmbed),
        nonce: messageNonce(idempotencyKey),
        enforce_nonce: true,
      };
      try {
        const channelId = await dmChannelOf(userId);
        const sent = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
        return { outcome: 'sent' as const, channelId, messageId: sent.id };
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
          return { outcome: 'dms_closed' as const };
        }
        throw error;
      }
    });
}
