import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { ratingButtons } from '../../../discord/rating/rating-buttons.ts';
import { transcriptPagePath } from '../../../domain/panel-paths.ts';
import type { CreatorMessage } from '../../../domain/ticket.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translate.ts';
import {
  discordTime,
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeSettings,
  pingOnly,
  userMention,
} from '../notices/format.ts';

/**
 * The creator's direct message after a close, in their language: why it closed and a link to the transcript on the
 * panel (unless the guild turned that off), until when they may reopen it, and the rating buttons.
 */
export function renderClosedMessage(message: CreatorMessage, settings: NoticeSettings): NoticeMessage {
  const { ticket, closure } = message;
  const t = translator(resolveLocale(...message.locales));
  const lines: string[] = [];
  const fields: APIEmbedField[] = [];
  if (message.closingDetails) {
    lines.push(
      closure.automatic || !closure.closedById
        ? t('rating.dmClosedAutomatically')
        : t('rating.dmClosedBy', { closer: userMention(closure.closedById) }),
    );
    if (closure.reason?.trim()) fields.push({ name: t('rating.reasonLabel'), value: closure.reason.trim() });
    if (settings.publicUrl) {
      const link = `${settings.publicUrl}${transcriptPagePath(ticket.guildId, ticket.number)}`;
      fields.push({ name: t('rating.transcriptLabel'), value: `[${t('rating.transcriptLink')}](${link})` });
    }
  }
  if (message.reopenUntil !== undefined) {
    lines.push(t('reopen.closingLine', { until: discordTime(message.reopenUntil, 'f') }));
  }
  if (message.askRating) lines.push(t('rating.askRating'));
  const embed: APIEmbed = {
    title: message.closingDetails
      ? t('rating.dmTitle', { number: ticket.number, type: ticket.typeName })
      : t('rating.askTitle', { number: ticket.number }),
    description: lines.join('\n\n'),
    color: NOTICE_COLORS.closed,
    fields,
    timestamp: new Date(closure.closedAt).toISOString(),
  };
  return {
    embeds: [embed],
    ...(message.askRating ? { components: [ratingButtons(ticket.guildId, ticket.number)] } : {}),
    allowed_mentions: pingOnly(),
  };
}
