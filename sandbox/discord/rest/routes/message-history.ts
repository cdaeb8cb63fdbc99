import { type APIMessage, ChannelType, MessageType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import { withFreshAttachmentLinks } from '../../state/attachment-urls.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { type ChannelRecord, isThread } from '../../state/records.ts';
import { requireChannel } from '../access.ts';
import { missingAccess } from '../errors.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';

const messageId = z.string().regex(/^\d{1,20}$/);

const listMessagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  before: messageId.optional(),
  after: messageId.optional(),
  around: messageId.optional(),
});

/** Guild-wide permission bits (no channel overwrites, which the sandbox does not model): owner and admins hold all. */
function holdsPermission(state: DiscordState, guildId: string, userId: string, flag: bigint): boolean {
  if (state.guilds.get(guildId)?.ownerId === userId) return true;
  const member = state.member(guildId, userId);
  if (!member) return false;
  const bits = [guildId, ...member.roleIds].reduce(
    (held, roleId) => held | BigInt(state.roles.get(roleId)?.permissions ?? '0'),
    0n,
  );
  return (bits & (PermissionFlagsBits.Administrator | flag)) !== 0n;
}

/** A private thread's history is for its members and for those who may manage threads. */
function requireReadableChannel(state: DiscordState, channelId: string, botUserId: string): ChannelRecord {
  const channel = requireChannel(state, channelId, botUserId);
  if (
    isThread(channel) &&
    channel.type === ChannelType.PrivateThread &&
    !state.threadMembers(channel.id).some((member) => member.userId === botUserId) &&
    !holdsPermission(state, channel.guildId, botUserId, PermissionFlagsBits.ManageThreads)
  )
    throw missingAccess();
  return channel;
}

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
      const channel = requireReadableChannel(state, params.channelId ?? '', botUserId);
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
