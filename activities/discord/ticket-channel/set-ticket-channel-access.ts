import { DiscordAPIError, type REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../../domain/ticket.ts';
import { withDiscordFailures } from '../failures.ts';
import { requireDiscordIds } from '../input.ts';
import { auditLogReason } from '../notices/limits.ts';
import { accessOverwrite } from './access.ts';

/**
 * Sets each member's or role's overwrite on a ticket channel: a request each, and the same overwrite however often
 * it runs. Taking away an overwrite that is already gone is done.
 */
export function setTicketChannelAccess(rest: REST): TicketActivities['setTicketChannelAccess'] {
  return ({ channelId, access, reason }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ channelId, ids: access.map((entry) => entry.id) });
        const auditReason = auditLogReason(reason);
        for (const entry of access) {
          const route = Routes.channelPermission(channelId, entry.id);
          const overwrite = accessOverwrite(entry);
          if (overwrite) {
            const { allow, deny, type } = overwrite;
            await rest.put(route, { body: { allow, deny, type }, reason: auditReason });
            continue;
          }
          try {
            await rest.delete(route, { reason: auditReason });
          } catch (error) {
            if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownPermissionOverwrite))
              throw error;
          }
        }
      },
      { permissions: ['View Channel', 'Manage Roles'], channelId },
    );
}
