import { PermissionFlagsBits } from 'discord-api-types/v10';
import { isThread } from '../../state/records.ts';
import { holdsPermission, requireChannel, requirePermissions } from '../access.ts';
import { emptyMessage, threadLocked } from '../errors.ts';
import type { Route } from '../router.ts';
import { toApiComponents } from '../validation/component-body.ts';
import { messageBodySchema, toApiAllowedMentions, toApiEmbed } from '../validation/message-body.ts';
import { messageEditRoutes } from './message-edits.ts';
import { messageHistoryRoutes } from './message-history.ts';

export const messageRoutes: Route[] = [
  {
    method: 'POST',
    path: '/channels/:channelId/messages',
    handle({ state, params, parseBody, botUserId }) {
      const channel = requireChannel(state, params.channelId ?? '', botUserId);
      const message = parseBody(messageBodySchema);
      if (!message.content && !message.embeds?.length && !message.components?.length) throw emptyMessage();
      requirePermissions(
        state,
        channel,
        botUserId,
        isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages,
      );
      // Only MANAGE_THREADS may talk in a locked thread, and a locked thread stays archived for everyone.
      if (
        isThread(channel) &&
        channel.thread.locked &&
        (channel.thread.archived || !holdsPermission(state, channel, botUserId, PermissionFlagsBits.ManageThreads))
      )
        throw threadLocked();
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
