import { MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import type { MessagePatch } from '../../state/message-store.ts';
import { isThread } from '../../state/records.ts';
import { requireMessageChannel, requirePermissions } from '../access.ts';
import { cannotEditOthersMessage, threadArchived, unknownMessage } from '../errors.ts';
import type { Route } from '../router.ts';
import { toApiComponents } from '../validation/component-body.ts';
import {
  type MessageEditBody,
  messageEditBodySchema,
  toApiAllowedMentions,
  toApiEmbed,
} from '../validation/message-body.ts';

/** The one flag an edit may change (Discord ignores changes to the others). */
const EDITABLE_FLAGS = MessageFlags.SuppressEmbeds;

function editPatch(edit: MessageEditBody, flags: number): MessagePatch {
  return {
    ...(edit.content !== undefined
      ? { content: edit.content ?? '', allowedMentions: toApiAllowedMentions(edit.allowed_mentions) }
      : {}),
    ...(edit.embeds !== undefined ? { embeds: (edit.embeds ?? []).map(toApiEmbed) } : {}),
    ...(edit.components !== undefined ? { components: toApiComponents(edit.components) } : {}),
    ...(edit.flags != null ? { flags: (flags & ~EDITABLE_FLAGS) | (edit.flags & EDITABLE_FLAGS) } : {}),
  };
}

export const messageEditRoutes: Route[] = [
  {
    method: 'PATCH',
    path: '/channels/:channelId/messages/:messageId',
    handle({ state, params, parseBody, botUserId }) {
      const channel = requireMessageChannel(state, params.channelId ?? '', botUserId);
      const edit = parseBody(messageEditBodySchema);
      const message = state.message(channel.id, params.messageId ?? '');
      if (!message) throw unknownMessage();
      // "Users cannot edit messages … in archived threads" (Discord's threads topic).
      if (isThread(channel) && channel.thread.archived) throw threadArchived();
      // Its author edits what it says; others only its flags, with MANAGE_MESSAGES.
      if (message.author.id !== botUserId) {
        if (edit.content !== undefined || edit.embeds !== undefined || edit.components !== undefined)
          throw cannotEditOthersMessage();
        // Nobody manages messages in a DM: only each author touches theirs.
        if (channel.guildId === null) throw cannotEditOthersMessage();
        requirePermissions(state, channel, botUserId, PermissionFlagsBits.ManageMessages);
      }
      return { status: 200, body: state.editMessage(channel.id, message.id, editPatch(edit, message.flags ?? 0)) };
    },
  },
];
