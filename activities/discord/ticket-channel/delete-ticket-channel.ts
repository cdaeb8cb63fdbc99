import { DiscordAPIError, type REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../../domain/ticket.ts';
import { withDiscordFailures } from '../failures.ts';
import { requireDiscordIds } from '../input.ts';
import { auditLogReason } from '../notices/limits.ts';

/** Deletes a final ticket's channel, with the reason in the audit log; one already deleted (a retry, by hand) is done. */
export function deleteTicketChannel(rest: REST): TicketActivities['deleteTicketChannel'] {
  return ({ channelId, reason }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ channelId });
        try {
          await rest.delete(Routes.channel(channelId), { reason: auditLogReason(reason) });
        } catch (error) {
          if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel)) throw error;
        }
      },
      { permissions: ['View Channel', 'Manage Channels'], channelId },
    );
}
