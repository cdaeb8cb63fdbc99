import { DiscordAPIError, type REST } from '@discordjs/rest';
import { type APIGuildChannel, type ChannelType, RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../../domain/ticket.ts';
import { withDiscordFailures } from '../failures.ts';
import { requireDiscordIds } from '../input.ts';
import { auditLogReason } from '../notices/limits.ts';
import { accessOverwrite } from './access.ts';

/**
 * The channel's staff roles made the guild's: one read of the channel, then a request for each overwrite that
 * differs (a new staff role let in, a removed one's overwrite taken away) and none for those already right.
 */
export function followTicketChannelStaff(rest: REST): TicketActivities['followTicketChannelStaff'] {
  return ({ channelId, staffRoleIds, removedRoleIds, reason }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ channelId, ids: [...staffRoleIds, ...removedRoleIds] });
        const channel = (await rest.get(Routes.channel(channelId))) as APIGuildChannel<ChannelType.GuildText>;
        const held = new Map((channel.permission_overwrites ?? []).map((overwrite) => [overwrite.id, overwrite]));
        const auditReason = auditLogReason(reason);
        let changed = 0;
        for (const roleId of new Set(staffRoleIds)) {
          const wanted = accessOverwrite({ id: roleId, kind: 'role', access: 'write' });
          const current = held.get(roleId);
          if (!wanted) continue;
          if (current && current.type === wanted.type && current.allow === wanted.allow && current.deny === wanted.deny)
            continue;
          const { allow, deny, type } = wanted;
          await rest.put(Routes.channelPermission(channelId, roleId), {
            body: { allow, deny, type },
            reason: auditReason,
          });
          changed += 1;
        }
        // The guild's own id is @everyone's overwrite, which hides the channel: never a staff role to take away.
        const removed = removedRoleIds.filter(
          (roleId) => !staffRoleIds.includes(roleId) && roleId !== channel.guild_id,
        );
        for (const roleId of new Set(removed)) {
          if (!held.has(roleId)) continue;
          try {
            await rest.delete(Routes.channelPermission(channelId, roleId), { reason: auditReason });
            changed += 1;
          } catch (error) {
            if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownPermissionOverwrite))
              throw error;
          }
        }
        return { changed };
      },
      { permissions: ['View Channel', 'Manage Roles'], channelId },
    );
}
