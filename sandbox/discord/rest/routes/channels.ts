import { serializeChannel } from '../../serializers.ts';
import { isThread } from '../../state/records.ts';
import { requireChannel } from '../access.ts';
import { threadArchived } from '../errors.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';
import { updateTextChannelBodySchema, updateThreadBodySchema } from '../validation/thread-body.ts';

export const channelRoutes: Route[] = [
  {
    method: 'GET',
    path: '/channels/:channelId',
    handle({ state, params, botUserId }) {
      const channel = requireChannel(state, params.channelId ?? '', botUserId);
      return { status: 200, body: serializeChannel(channel, state.threadMembers(channel.id).length) };
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channelId',
    handle({ state, params, body, botUserId }) {
      const channel = requireChannel(state, params.channelId ?? '', botUserId);
      if (!isThread(channel)) {
        const patch = parseFormBody(updateTextChannelBodySchema, body);
        state.updateTextChannel(channel, { name: patch.name, topic: patch.topic });
        return { status: 200, body: serializeChannel(channel) };
      }
      const patch = parseFormBody(updateThreadBodySchema, body);
      // An archived thread can only be edited by unarchiving it in the same request.
      if (channel.thread.archived && patch.archived !== false) throw threadArchived();
      state.updateThread(channel, {
        name: patch.name ?? undefined,
        archived: patch.archived ?? undefined,
        locked: patch.locked ?? undefined,
        invitable: patch.invitable ?? undefined,
        autoArchiveDuration: patch.auto_archive_duration ?? undefined,
      });
      return { status: 200, body: serializeChannel(channel, state.threadMembers(channel.id).length) };
    },
  },
];
