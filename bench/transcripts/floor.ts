/**
 * The benchmark's floor: the same text with no markdown and no layout, each entry's author, time and text
 * (content, embed text, attachment and sticker names, reactions) HTML-escaped and concatenated. No renderer can do less and
 * still show the conversation.
 */
import { escapeHtml } from '../../transcripts/escape.ts';
import type { TranscriptSource } from '../../transcripts/transcript-source.ts';

export function renderFloor(source: TranscriptSource): string {
  const names = new Map(source.users.map((user) => [user.id, user.name]));
  const entries: { at: number; html: string }[] = [];
  for (const message of source.messages) {
    let text = escapeHtml(message.content);
    for (const embed of message.embeds ?? []) {
      text += ` ${escapeHtml(embed.title ?? '')} ${escapeHtml(embed.description ?? '')}`;
      for (const field of embed.fields ?? []) text += ` ${escapeHtml(field.name)} ${escapeHtml(field.value)}`;
    }
    for (const attachment of message.attachments) text += ` ${escapeHtml(attachment.filename)}`;
    for (const sticker of message.stickers ?? []) text += ` ${escapeHtml(sticker.name)}`;
    for (const reaction of message.reactions ?? []) text += ` ${escapeHtml(reaction.emoji.name)} ${reaction.count}`;
    entries.push({
      at: message.createdAt,
      html: `<div><b>${escapeHtml(message.authorName)}</b> <time>${new Date(message.createdAt).toISOString()}</time><p>${text}</p></div>`,
    });
  }
  for (const event of source.events) {
    const actor = escapeHtml(names.get(event.actorId ?? '') ?? 'Ticketflow');
    entries.push({
      at: event.at,
      html: `<div><b>${actor}</b> <time>${new Date(event.at).toISOString()}</time><p>${event.kind}</p></div>`,
    });
  }
  entries.sort((a, b) => a.at - b.at);
  let html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(source.guildName)}</title></head><body>`;
  for (const entry of entries) html += entry.html;
  return `${html}</body></html>`;
}
