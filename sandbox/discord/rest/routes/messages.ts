import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { acceptsDirectMessagesFrom } from '../../permissions/direct-messages.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { isThread, type MessageChannelRecord } from '../../state/records.ts';
import { holdsPermission, requireMessageChannel, requirePermissions } from '../access.ts';
import { cannotMessageUser, cannotSendInNonTextChannel, emptyMessage, threadLocked } from '../errors.ts';
import type { Route } from '../router.ts';
import { toApiComponents } from '../validation/component-body.ts';
import { messageBodySchema, toApiAllowedMentions, toApiEmbed } from '../validation/message-body.ts';
import { messageEditRoutes } from './message-edits.ts';
import { messageHistoryRoutes } from './message-history.ts';

/**
 * Sending needs SEND_MESSAGES (in threads SEND_MESSAGES_IN_THREADS), and only MANAGE_THREADS may talk in a locked
 * thread, which stays archived for everyone; in a DM, the user must accept the bot's messages.
 */
function requireMaySend(state: DiscordState, channel: MessageChannelRecord, botUserId: string): void {
  if (channel.guildId === null) {
    const userId = channel.recipientIds.find((id) => id !== botUserId) ?? '';
    if (!acceptsDirectMessagesFrom(state, botUserId, userId)) throw cannotMessageUser();
    return;
  }
  if (channel.type === ChannelType.GuildCategory) throw cannotSendInNonTextChannel();
  requirePermissions(
    state,
    channel,
    botUserId,
    isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
  );
  if (
    isThread(channel) &&
    channel.thread.locked &&
    (channel.thread.archived || !holdsPermission(state, channel, botUserId, PermissionFlagsBits.ManageThreads))
  )
    throw threadLocked();
}

export const messageRoutes: Route[] = [
  {
    method: 'POST',
    path: '/channels/:channelId/messages',
    handle({ state, params, parseBody, botUserId }) {
      const channel = requireMessageChannel(state, params.channelId ?? '', botUserId);
      const message = parseBody(messageBodySchema);
      if (!message.content && !message.embeds?.length && !message.components?.length) throw emptyMessage();
      requireMaySend(state, channel, botUserId);
      // enforce_nonce: the same author sending the same nonce again gets the first message back.
      if (message.enforce_nonce && message.nonce !== null && message.nonce !== undefined) {
        const earlier = state.messageByNonce(channel.id, botUserId, message.nonce);
        if (earlier) return { status: 200, body: earlier.message };
      }
      const created = state.createMessage(channel, botUserId, {
        content: message.content ?? '',
        embeds: (message.embeds ?? []).map(toApiEmbed),
        components: toApiComponents(message.components),
        allowedMentions: toApiAllowedMentions(message.allowed_mentions),
        nonce: message.nonce ?? null,
        flags: message.flags ?? 0,
        tts: message.tts ?? false,
      });
      return { status: 200, body: created.message };
    },
  },
  ...messageEditRoutes,
  ...messageHistoryRoutes,
];
