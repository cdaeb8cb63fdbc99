import type { REST } from '@discordjs/rest';
import { log } from '@temporalio/activity';
import { type APIMessage, MessageFlags, type RESTPostAPIChannelMessageJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { roleMention } from './notices/format.ts';
import { messageNonce } from './post-notice.ts';
import { rolesNotAdded } from './role-mention-adds.ts';

/**
 * Brings staff into a private thread without reading the guild's member list (a request per 1,000 members, and the
 * privileged Server Members intent): one silent message that mentions the staff roles, since Discord adds the
 * members of a role mentioned in a thread. Silent (SUPPRESS_NOTIFICATIONS) because staff are pinged by the
 * notification role, if the guild wants that, not on every ticket.
 * Discord adds a role's members only when the mention resolves (the role is mentionable, or the bot may Mention All
 * Roles) and the role is small (about 100 members; it flags the message otherwise); such roles are reported, and
 * their members see tickets when the role may Manage Threads in the ticket channel.
 */
export function addStaffToThread(rest: REST): TicketActivities['addStaffToThread'] {
  return ({ guildId, threadId, staffRoleIds }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ guildId, threadId, staffRoleIds });
        const roles = [...new Set(staffRoleIds)].sort();
        if (roles.length === 0) return { someRolesNotAdded: false };
        const body: RESTPostAPIChannelMessageJSONBody = {
          content: `Staff of this ticket: ${roles.map(roleMention).join(' ')}`,
          allowed_mentions: { parse: [], roles },
          flags: MessageFlags.SuppressNotifications,
          nonce: messageNonce(`staff:${threadId}:${roles.join(',')}`),
          enforce_nonce: true,
        };
        const message = (await rest.post(Routes.channelMessages(threadId), { body })) as APIMessage;
        const notAdded = rolesNotAdded(message, roles);
        const someRolesNotAdded = notAdded.unmentionableRoleIds.length > 0 || notAdded.someRoleTooLarge;
        if (someRolesNotAdded) {
          log.warn('some staff roles were not added to a ticket thread', {
            guildId,
            threadId,
            ...notAdded,
            fix: 'make the roles mentionable or give the bot Mention All Roles; give large roles Manage Threads',
          });
        }
        return { someRolesNotAdded };
      },
      { permissions: ['View Channel', 'Send Messages in Threads', 'Mention All Roles'], channelId: threadId },
    );
}
