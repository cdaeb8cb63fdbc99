import type { Translate } from '../../i18n/translate.ts';
import type { OpenTicketResult } from '../../workflows/ticket/definitions.ts';

type Refused = Extract<OpenTicketResult, { outcome: 'refused' }>;

/**
 * A ticket that did not open, in the member's words: from the refusal's code and values, which the workflow passes
 * on from the registration untouched. Codes worded elsewhere (the monthly limit names the plan and its page) and
 * registrations from before values keep the registration's own message.
 */
export function openRefusalWords(t: Translate, refused: Refused): string {
  const values = refused.values;
  switch (refused.code) {
    case 'unknown_guild':
      return t('refusals.open.notSetUp');
    case 'blocked':
      return t('refusals.open.blocked');
    case 'thread_failed':
      return t('refusals.open.threadFailed');
    case 'request_closed':
      return t('refusals.open.requestClosed');
    case 'categories_full':
      return t('channel-mode.categoriesFull');
    case 'unknown_type':
      return values ? t('refusals.open.unknownType', values) : refused.message;
    case 'type_limit':
      return values ? t('refusals.open.typeLimit', values) : refused.message;
    case 'member_limit':
      return values ? t('refusals.open.memberLimit', values) : refused.message;
    case 'cooldown':
      return values ? t('refusals.open.cooldown', values) : refused.message;
    case 'monthly_limit':
      return refused.message;
  }
}
