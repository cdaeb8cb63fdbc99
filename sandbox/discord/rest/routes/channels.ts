import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { z } from 'zod';
import { mayWriteOverwrites } from '../../permissions/overwrite-grants.ts';
import { serializeChannel, serializeDmChannel } from '../../serializers.ts';
import type { GuildChannelPatch } from '../../state/channel-directory.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { type ChannelRecord, isThread, type ThreadRecord } from '../../state/records.ts';
import { holdsPermission, requireChannel, requireMessageChannel, requirePermissions } from '../access.ts';
import { missingPermissions, threadArchived, threadLocked } from '../errors.ts';
import type { Route } from '../router.ts';
import { requireCategoryWithRoom, textChannelName } from '../validation/channel-placement.ts';
import { updateGuildChannelBodySchema } from '../validation/guild-channel-body.ts';
import { changedOverwrites, requireOverwriteTargets } from '../validation/overwrite-targets.ts';
import { updateThreadBodySchema } from '../validation/thread-body.ts';

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

/**
 * A text channel's or category's edit, checked as Discord checks it: MANAGE_CHANNELS; a text channel's name stored
 * as Discord stores it; a move into a category with room (null leaves the category); new or changed overwrites take
 * MANAGE_ROLES and only what the bot may grant (removing one takes MANAGE_ROLES too).
 */
function guildChannelPatch(
  state: DiscordState,
  channel: ChannelRecord,
  botUserId: string,
  body: z.output<typeof updateGuildChannelBodySchema>,
): GuildChannelPatch {
  requirePermissions(state, channel, botUserId, PermissionFlagsBits.ManageChannels);
  const isText = channel.type === ChannelType.GuildText;
  const patch: GuildChannelPatch = {};
  if (body.name != null) patch.name = isText ? textChannelName(body.name) : body.name;
  if (body.topic !== undefined && isText) patch.topic = body.topic;
  if (body.parent_id !== undefined && isText && body.parent_id !== channel.parentId) {
    if (body.parent_id !== null) requireCategoryWithRoom(state, channel.guildId, body.parent_id, channel.id);
    patch.parentId = body.parent_id;
  }
  const overwrites = body.permission_overwrites;
  if (overwrites != null) {
    const changed = changedOverwrites(channel.permissionOverwrites, overwrites);
    if (changed.length > 0 || overwrites.length !== channel.permissionOverwrites.length) {
      requirePermissions(state, channel, botUserId, PermissionFlagsBits.ManageRoles);
      requireOverwriteTargets(state, channel.guildId, changed);
      const place = { guildId: channel.guildId, channel, parentId: patch.parentId ?? channel.parentId };
      if (!mayWriteOverwrites(state, botUserId, place, changed)) throw missingPermissions();
      patch.permissionOverwrites = overwrites;
    }
  }
  return patch;
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
        state.updateGuildChannel(
          channel,
          guildChannelPatch(state, channel, botUserId, parseBody(updateGuildChannelBodySchema)),
        );
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
