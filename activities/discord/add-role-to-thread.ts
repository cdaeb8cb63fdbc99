import type { REST } from '@discordjs/rest';
import { log } from '@temporalio/activity';
import { type APIMessage, MessageFlags, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { renderNotice } from './notices/index.ts';
import { messageNonce } from './post-notice.ts';
import { rolesNotAdded } from './role-mention-adds.ts';

/**
 * Posts the role_added notice, whose mention of the role makes Discord add the role's members to the thread: no guild
 * member list is read. Silent, so a large role is not pinged all at once: its members find the thread in their list. Idempotent through the nonce, as postNotice is; Discord's answer says whether the role was
 * added (see rolesNotAdded).
 */
export function addRoleToThread(rest: REST): TicketActivities['addRoleToThread'] {
  return ({ threadId, idempotencyKey, notice }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, roleId: notice.roleId });
        if (!idempotencyKey) throw invalidInput('addRoleToThread needs a non-empty idempotencyKey');
        const body: RESTPostAPIChannelMessageJSONBody = {
          ...renderNotice(notice),
          flags: MessageFlags.SuppressNotifications,
          nonce: messageNonce(idempotencyKey),
          enforce_nonce: true,
        };
        const message = (await rest.post(Routes.channelMessages(threadId), { body })) as APIMessage;
        const notAdded = rolesNotAdded(message, [notice.roleId]);
        const someMembersNotAdded = notAdded.unmentionableRoleIds.length > 0 || notAdded.someRoleTooLarge;
        if (someMembersNotAdded) {
          log.warn("a role's members were not added to a ticket thread", {
            threadId,
            roleId: notice.roleId,
            ...notAdded,
          });
        }
        return { someMembersNotAdded };
      },
      { permissions: ['View Channel', 'Send Messages in Threads', 'Mention All Roles'], channelId: threadId },
    );
}
