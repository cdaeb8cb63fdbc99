import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { guildPermissions, hasPermission } from '../../permissions/compute.ts';
import { mayWriteOverwrites } from '../../permissions/overwrite-grants.ts';
import { serializeChannel } from '../../serializers.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { type ChannelRecord, isThread, type PermissionOverwriteRecord } from '../../state/records.ts';
import { holdsPermission, requireChannel, requireGuild, requirePermissions } from '../access.ts';
import { missingPermissions, wrongChannelType } from '../errors.ts';
import type { Route } from '../router.ts';
import { requireCategoryWithRoom, requireGuildChannelRoom, textChannelName } from '../validation/channel-placement.ts';
import { createGuildChannelBodySchema, putOverwriteBodySchema } from '../validation/guild-channel-body.ts';
import { changedOverwrites, requireOverwriteTargets } from '../validation/overwrite-targets.ts';

/** A text channel or category, the only guild channels with overwrites of their own. */
function requireOverwritable(state: DiscordState, channelId: string, botUserId: string): ChannelRecord {
  const channel = requireChannel(state, channelId, botUserId);
  if (isThread(channel)) throw wrongChannelType();
  return channel;
}

export const guildChannelRoutes: Route[] = [
  {
    // Text channels and categories. MANAGE_CHANNELS (in the category when one is given); overwrites only with what
    // the bot may grant (permissions/overwrite-grants.ts); Discord's 50-per-category and 500-per-guild limits.
    method: 'POST',
    path: '/guilds/:guildId/channels',
    handle({ state, params, parseBody, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      const body = parseBody(createGuildChannelBodySchema);
      const parentId = body.type === ChannelType.GuildText ? (body.parent_id ?? null) : null;
      const parent = parentId ? requireCategoryWithRoom(state, guild.id, parentId, null) : null;
      const held = parent
        ? holdsPermission(state, parent, botUserId, PermissionFlagsBits.ManageChannels)
        : hasPermission(guildPermissions(state, guild.id, botUserId), PermissionFlagsBits.ManageChannels);
      if (!held) throw missingPermissions();
      const permissionOverwrites = body.permission_overwrites ?? null;
      if (permissionOverwrites) {
        requireOverwriteTargets(state, guild.id, permissionOverwrites);
        if (!mayWriteOverwrites(state, botUserId, { guildId: guild.id, channel: null, parentId }, permissionOverwrites))
          throw missingPermissions();
      }
      requireGuildChannelRoom(state, guild.id);
      // A channel made in a category without overwrites of its own starts synced with the category's.
      const inherited = parent?.permissionOverwrites ?? [];
      const channel = state.createGuildChannel(guild.id, {
        type: body.type,
        name: body.type === ChannelType.GuildText ? textChannelName(body.name) : body.name,
        topic: body.topic ?? null,
        parentId,
        permissionOverwrites: permissionOverwrites ?? inherited,
      });
      return { status: 201, body: serializeChannel(channel) };
    },
  },
  {
    // A text channel (with its threads), a category (its channels stay, outside any category), or a thread:
    // MANAGE_CHANNELS, for a thread MANAGE_THREADS. Answers the channel as it was.
    method: 'DELETE',
    path: '/channels/:channelId',
    handle({ state, params, botUserId }) {
      const channel = requireChannel(state, params.channelId ?? '', botUserId);
      requirePermissions(
        state,
        channel,
        botUserId,
        isThread(channel) ? PermissionFlagsBits.ManageThreads : PermissionFlagsBits.ManageChannels,
      );
      const answer = serializeChannel(channel, state.threadMembers(channel.id).length);
      state.deleteChannel(channel.id);
      return { status: 200, body: answer };
    },
  },
  {
    // Edit Channel Permissions: MANAGE_ROLES in the channel, and only what the bot may grant.
    method: 'PUT',
    path: '/channels/:channelId/permissions/:overwriteId',
    handle({ state, params, parseBody, botUserId }) {
      const channel = requireOverwritable(state, params.channelId ?? '', botUserId);
      const body = parseBody(putOverwriteBodySchema);
      requirePermissions(state, channel, botUserId, PermissionFlagsBits.ManageRoles);
      const overwrite: PermissionOverwriteRecord = {
        id: params.overwriteId ?? '',
        type: body.type,
        allow: body.allow,
        deny: body.deny,
      };
      requireOverwriteTargets(state, channel.guildId, [overwrite]);
      const changed = changedOverwrites(channel.permissionOverwrites, [overwrite]);
      const place = { guildId: channel.guildId, channel, parentId: channel.parentId };
      if (!mayWriteOverwrites(state, botUserId, place, changed)) throw missingPermissions();
      state.putPermissionOverwrite(channel, overwrite);
      return { status: 204 };
    },
  },
  {
    // Delete Channel Permission: MANAGE_ROLES in the channel; one that is not there is already gone (204).
    method: 'DELETE',
    path: '/channels/:channelId/permissions/:overwriteId',
    handle({ state, params, botUserId }) {
      const channel = requireOverwritable(state, params.channelId ?? '', botUserId);
      requirePermissions(state, channel, botUserId, PermissionFlagsBits.ManageRoles);
      state.deletePermissionOverwrite(channel, params.overwriteId ?? '');
      return { status: 204 };
    },
  },
];
