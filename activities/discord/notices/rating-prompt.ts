import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translate.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/**
 * The rating asked in the thread when the creator's DMs are closed: it pings the creator alone, and its Rate button
 * answers privately with the rating buttons, so the rating is given out of sight of the thread.
 */
export function renderRatingPrompt(notice: NoticeOf<'rating_prompt'>): NoticeMessage {
  const { ticket } = notice;
  const t = translator(resolveLocale(ticket.language));
  return {
    content: userMention(ticket.creatorId),
    embeds: [
      {
        title: t('rating.askTitle', { number: ticket.number }),
        description: t('rating.promptBody', { creator: userMention(ticket.creatorId) }),
        color: NOTICE_COLORS.info,
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: t('rating.rateButton'),
            emoji: { name: '⭐' },
            custom_id: customId(CUSTOM_ID_PREFIX.ratePrompt, String(ticket.number)),
          },
        ],
      },
    ],
    allowed_mentions: pingOnly({ users: [ticket.creatorId] }),
  };
}
