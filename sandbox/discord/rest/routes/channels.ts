import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { z } from 'zod';
import { serializeChannel, serializeDmChannel } from '../../serializers.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { isThread, type ThreadRecord } from '../../state/records.ts';
import { holdsPermission, requireChannel, requireMessageChannel, requirePermissions } from '../access.ts';
import { missingPermissions, threadArchived, threadLocked } from '../errors.ts';
import type { Route } from '../router.ts';
import { updateTextChannelBodySchema, updateThreadBodySchema } from '../validation/thread-body.ts';

type UpdateThreadBody = z.output<typeof updateThreadBodySchema>;

/**
 * Discord's rules for editing a thread: `locked` and `rate_limit_per_user` take MANAGE_THREADS; the other settings take MANAGE_THREADS or
 * being the thread's creator, except that anyone who can see it may unarchive an unlocked thread; a locked
 * thread is unarchived by MANAGE_THREADS only.
 */
function requireThreadEditRights(state: DiscordState, thread: ThreadRecord, userId: string, patch: UpdateThreadBody) {
  if (holdsPermission(state, thread, userId, PermissionFlagsBits.ManageThreads)) return;
  if (patch.locked != null || patch.rate_limit_per_user != null) throw missingPermissions();
  if (thread.thread.locked && patch.archived === false) throw threadLocked();
  const onlyUnarchives = Object.entries(patch).every(([key, value]) =>
    key === 'archived' ? value === false : value == null,
  );
  if (thread.thread.ownerId !== userId && !onlyUnarchives) throw missingPermissions();
}

export const channelRoutes: Route[] = [
  {
    method: 'GET',
    path: '/channels/:channelId',
    handle({ state, params, botUserId }) {
      const channel = requireMessageChannel(state, params.channelId ?? '', botUserId);
      if (channel.guildId === null) return { status: 200, body: serializeDmChannel(channel, botUserId, state.users) };
      return { status: 200, body: serializeChannel(channel, state.threadMembers(channel.id).length) };
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channelId',
    handle({ state, params, parseBody, botUserId }) {
      const channel = requireChannel(state, params.channelId ?? '', botUserId);
      if (!isThread(channel)) {
        const patch = parseBody(updateTextChannelBodySchema);
        requirePermissions(state, channel, botUserId, PermissionFlagsBits.ManageChannels);
        state.updateTextChannel(channel, { name: patch.name, topic: patch.topic });
        return { status: 200, body: serializeChannel(channel) };
      }
      const patch = parseBody(updateThreadBodySchema);
      // An archived thread can only be edited by unarchiving it in the same request.
      if (channel.thread.archived && patch.archived !== false) throw threadArchived();
      requireThreadEditRights(state, channel, botUserId, patch);
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
