import type { APIEmbedField } from 'discord-api-types/v10';
import { transcriptPagePath } from '../../../domain/panel-paths.ts';
import { ticketLabel } from '../../../domain/ticket-naming.ts';
import {
  channelMention,
  discordTime,
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeOf,
  type NoticeSettings,
  pingOnly,
  userMention,
} from './format.ts';

/**
 * The record of a closed ticket in the histories channel; names people without pinging them. With the
 * panel's `publicUrl` the transcript is a link to its page, else its storage key for an operator to render.
 */
export function renderSummary(notice: NoticeOf<'summary'>, settings: NoticeSettings): NoticeMessage {
  const { ticket, closure } = notice;
  const fields: APIEmbedField[] = [
    { name: 'Opened by', value: userMention(ticket.creatorId), inline: true },
    { name: 'Assignee', value: ticket.assigneeId ? userMention(ticket.assigneeId) : 'Nobody', inline: true },
    {
      name: 'Closed by',
      value: closure.automatic ? 'Inactivity timer' : closure.closedById ? userMention(closure.closedById) : 'Staff',
      inline: true,
    },
    { name: 'Opened', value: discordTime(ticket.openedAt, 'f'), inline: true },
    { name: 'Closed', value: discordTime(closure.closedAt, 'f'), inline: true },
    { name: 'Messages', value: String(notice.messageCount), inline: true },
    ...(closure.reason?.trim() ? [{ name: 'Reason', value: closure.reason.trim() }] : []),
    {
      name: 'Transcript',
      value: settings.publicUrl
        ? `[Open the transcript](${settings.publicUrl}${transcriptPagePath(ticket.guildId, ticket.number)})`
        : `\`${notice.transcriptKey}\``,
    },
  ];
  return {
    embeds: [
      {
        title: `Ticket ${ticketLabel(ticket.number)} · ${ticket.typeName}`,
        description: ticket.threadId ? `Thread: ${channelMention(ticket.threadId)}` : undefined,
        color: NOTICE_COLORS.closed,
        fields,
        timestamp: new Date(closure.closedAt).toISOString(),
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
