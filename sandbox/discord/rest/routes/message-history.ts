import { type APIMessage, MessageType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import { withFreshAttachmentLinks } from '../../state/attachment-urls.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { requireMessageChannel, requirePermissions } from '../access.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';

const messageId = z.string().regex(/^\d{1,20}$/);

const listMessagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: messageId.optional(),
  after: messageId.optional(),
  around: messageId.optional(),
});

/** A message as the API shows it now: fresh attachment links, and the message it replies to as it is now. */
function messageAsShown(state: DiscordState, message: APIMessage, nowMs: number): APIMessage {
  const shown = withFreshAttachmentLinks(message, nowMs);
  const reference = message.message_reference;
  if (message.type !== MessageType.Reply || !reference?.message_id) return shown;
  const target = state.message(reference.channel_id, reference.message_id);
  return { ...shown, referenced_message: target ? withFreshAttachmentLinks(target, nowMs) : null };
}

export const messageHistoryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/channels/:channelId/messages',
    handle({ state, params, query, botUserId }) {
      const channel = requireMessageChannel(state, params.channelId ?? '', botUserId);
      // A DM's recipients always read its history.
      if (channel.guildId !== null)
        requirePermissions(state, channel, botUserId, PermissionFlagsBits.ReadMessageHistory);
      const page = parseFormBody(listMessagesQuery, Object.fromEntries(query));
      // Discord takes one of around/before/after; given several, the sandbox uses the first of that order.
      const anchor =
        page.around !== undefined
          ? { around: page.around }
          : page.before !== undefined
            ? { before: page.before }
            : page.after !== undefined
              ? { after: page.after }
              : {};
      const now = state.now();
      return {
        status: 200,
        body: state
          .messagesPage(channel.id, { limit: page.limit, ...anchor })
          .map((message) => messageAsShown(state, message, now)),
      };
    },
  },
];
