import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { z } from 'zod';
import { compareDiscordIds } from '../../../../domain/discord-id.ts';
import { isThreadFull, threadAddRefusal } from '../../permissions/thread-invites.ts';
import { isThreadMember } from '../../permissions/visibility.ts';
import { serializeChannel, serializeMember, serializeThreadMember } from '../../serializers.ts';
import { requireChannel, requireGuild, requirePermissions, requireThread, requireUser } from '../access.ts';
import {
  maxThreadParticipants,
  missingAccess,
  missingPermissions,
  threadArchived,
  unknownMember,
  wrongChannelType,
} from '../errors.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';
import { createThreadBodySchema } from '../validation/thread-body.ts';

const listThreadMembersQuery = z.object({
  with_member: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  after: z.string().regex(/^\d+$/).default('0'),
});

export const threadRoutes: Route[] = [
  {
    method: 'POST',
    path: '/channels/:channelId/threads',
    handle({ state, params, parseBody, botUserId }) {
      const parent = requireChannel(state, params.channelId ?? '', botUserId);
      const request = parseBody(createThreadBodySchema);
      // Private and public threads grow from text channels only; announcement threads need an announcement channel.
      if (parent.type !== ChannelType.GuildText || request.type === ChannelType.AnnouncementThread)
        throw wrongChannelType();
      requirePermissions(
        state,
        parent,
        botUserId,
        request.type === ChannelType.PrivateThread
          ? PermissionFlagsBits.CreatePrivateThreads
          : PermissionFlagsBits.CreatePublicThreads,
      );
      const thread = state.createThread({
        parent,
        name: request.name,
        type: request.type,
        invitable: request.invitable ?? true,
        autoArchiveDuration: request.auto_archive_duration ?? 1440,
        ownerId: botUserId,
      });
      return { status: 201, body: serializeChannel(thread, state.threadMembers(thread.id).length) };
    },
  },
  {
    method: 'GET',
    path: '/guilds/:guildId/threads/active',
    handle({ state, params, botUserId }) {
      const guild = requireGuild(state, params.guildId ?? '', botUserId);
      const threads = state.activeThreads(guild.id);
      return {
        status: 200,
        body: {
          has_more: false,
          threads: threads.map((thread) => serializeChannel(thread, state.threadMembers(thread.id).length)),
          // Discord lists the caller's own membership of each returned thread.
          members: threads.flatMap((thread) =>
            state
              .threadMembers(thread.id)
              .filter((member) => member.userId === botUserId)
              .map(serializeThreadMember),
          ),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/channels/:channelId/thread-members',
    handle({ state, params, query, botUserId }) {
      const thread = requireThread(state, params.channelId ?? '', botUserId);
      const { with_member, limit, after } = parseFormBody(listThreadMembersQuery, Object.fromEntries(query));
      const all = state.threadMembers(thread.id).sort((a, b) => compareDiscordIds(a.userId, b.userId));
      // Discord pages only when members are included; otherwise it answers with everyone.
      if (with_member !== 'true') return { status: 200, body: all.map(serializeThreadMember) };
      const page = all.filter((member) => compareDiscordIds(member.userId, after) > 0).slice(0, limit);
      return {
        status: 200,
        body: page.map((member) => {
          const guildMember = state.member(thread.guildId, member.userId);
          const user = state.users.get(member.userId);
          return {
            ...serializeThreadMember(member),
            ...(guildMember && user ? { member: serializeMember(guildMember, user) } : {}),
          };
        }),
      };
    },
  },
  {
    // One thread member (with its guild member when asked); someone not in the thread is an Unknown Member.
    method: 'GET',
    path: '/channels/:channelId/thread-members/:userId',
    handle({ state, params, query, botUserId }) {
      const thread = requireThread(state, params.channelId ?? '', botUserId);
      const userId = params.userId === '@me' ? botUserId : (params.userId ?? '');
      const { with_member } = parseFormBody(listThreadMembersQuery, Object.fromEntries(query));
      const member = state.threadMembers(thread.id).find((each) => each.userId === userId);
      if (!member) throw unknownMember();
      const guildMember = state.member(thread.guildId, userId);
      const user = state.users.get(userId);
      return {
        status: 200,
        body: {
          ...serializeThreadMember(member),
          ...(with_member === 'true' && guildMember && user ? { member: serializeMember(guildMember, user) } : {}),
        },
      };
    },
  },
  {
    // Documented: MANAGE_THREADS, or being the creator of a private thread; not in an archived thread. Leaving
    // (@me) takes neither. Someone not in the thread is an Unknown Member.
    method: 'DELETE',
    path: '/channels/:channelId/thread-members/:userId',
    handle({ state, params, botUserId }) {
      const thread = requireThread(state, params.channelId ?? '', botUserId);
      const userId = params.userId === '@me' ? botUserId : (params.userId ?? '');
      if (thread.thread.archived) throw threadArchived();
      const ownPrivateThread = thread.type === ChannelType.PrivateThread && thread.thread.ownerId === botUserId;
      if (userId !== botUserId && !ownPrivateThread)
        requirePermissions(state, thread, botUserId, PermissionFlagsBits.ManageThreads);
      if (!state.removeThreadMember(thread, userId, botUserId)) throw unknownMember();
      return { status: 204 };
    },
  },
  {
    method: 'PUT',
    path: '/channels/:channelId/thread-members/:userId',
    handle({ state, params, botUserId }) {
      const thread = requireThread(state, params.channelId ?? '', botUserId);
      const userId = params.userId === '@me' ? botUserId : (params.userId ?? '');
      requireUser(state, userId);
      if (!state.member(thread.guildId, userId)) throw unknownMember();
      if (thread.thread.archived) throw threadArchived();
      // The rules mention-adds follow too; someone already in the thread is a 204 whatever the count.
      const refusal = threadAddRefusal(state, thread, botUserId, userId);
      if (refusal === 'missing-access') throw missingAccess();
      if (refusal === 'missing-permissions') throw missingPermissions();
      if (!isThreadMember(state, thread.id, userId) && isThreadFull(state, thread)) throw maxThreadParticipants();
      state.addThreadMember(thread, userId, botUserId);
      return { status: 204 };
    },
  },
];
