import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translate.ts';
import { discordTime, type NoticeOf } from './format.ts';

/**
 * What the closing notice adds while the ticket may be reopened: until when, and a Reopen button that the creator
 * and staff may press (the ticket refuses anyone else, and any press after the window, in their language).
 */
export function reopenOffer(notice: NoticeOf<'closing'>): {
  line: string;
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  if (notice.reopenUntil === undefined) return { line: '', components: [] };
  const t = translator(resolveLocale(notice.ticket.language));
  return {
    line: `\n${t('reopen.closingLine', { until: discordTime(notice.reopenUntil, 'f') })}`,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: t('reopen.button'),
            custom_id: customId(CUSTOM_ID_PREFIX.reopen, String(notice.ticket.number)),
          },
        ],
      },
    ],
  };
}
