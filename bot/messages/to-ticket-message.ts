import type { Message } from 'discord.js';
import type { TicketMessage } from '../../domain/ticket.ts';

/** The signal's schema (domain/ticket-message.ts) keeps at most this much of a message. */
const CONTENT_MAX = 10_000;
const ATTACHMENTS_MAX = 10;

/** A thread message as the ticket records it: its text, its attachments' metadata and its Discord times. */
export function toTicketMessage(message: Message<true>): TicketMessage {
  return {
    id: message.id,
    authorId: message.author.id,
    authorName: (message.member?.displayName ?? message.author.displayName).slice(0, 100),
    authorIsBot: message.author.bot,
    content: message.content.slice(0, CONTENT_MAX),
    attachments: [...message.attachments.values()].slice(0, ATTACHMENTS_MAX).map((attachment) => ({
      id: attachment.id,
      filename: attachment.name.slice(0, 1024),
      size: attachment.size,
      contentType: attachment.contentType ?? null,
      url: attachment.url.slice(0, 2048),
    })),
    createdAt: message.createdTimestamp,
    editedAt: message.editedTimestamp ?? null,
  };
}

/** Only people's own messages are replies: not bots (the ticket's own notices), webhooks or system messages. */
export function isMemberMessage(message: Message): message is Message<true> {
  return message.inGuild() && !message.author.bot && !message.webhookId && !message.system;
}
