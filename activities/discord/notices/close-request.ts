import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import type { CloseRequestFacts, CloseRequestOutcome } from '../../../domain/close-request.ts';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import type { TicketFacts } from '../../../domain/ticket.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { type Translate, translator } from '../../../i18n/translate.ts';
import { discordTime, NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/** A request's buttons' id: the ticket and the request, so a button of an older request answers nothing. */
export function closeRequestButtonId(ticketNumber: number, requestId: number): string {
  return `${ticketNumber}:${requestId}`;
}

function buttons(ticket: TicketFacts, request: CloseRequestFacts, t: Translate) {
  const id = closeRequestButtonId(ticket.number, request.id);
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: t('close-request.acceptButton'),
        custom_id: customId(CUSTOM_ID_PREFIX.closeRequestAccept, id),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t('close-request.keepOpenButton'),
        custom_id: customId(CUSTOM_ID_PREFIX.closeRequestKeepOpen, id),
      },
    ],
  };
  return row;
}

const reasonFields = (request: CloseRequestFacts, t: Translate) =>
  request.reason ? [{ name: t('close-request.reasonField'), value: request.reason }] : [];

/** Asks the creator, pinging only them, to accept or keep the ticket open; the buttons answer the request. */
export function renderCloseRequested(notice: NoticeOf<'close_requested'>): NoticeMessage {
  const { ticket, request } = notice;
  const t = translator(resolveLocale(ticket.language));
  return {
    content: userMention(ticket.creatorId),
    embeds: [
      {
        title: t('close-request.requestTitle'),
        description: t('close-request.requestBody', {
          creator: userMention(ticket.creatorId),
          staff: userMention(request.requestedBy.id),
          closesAt: discordTime(request.closesAt, 'R'),
        }),
        color: NOTICE_COLORS.warning,
        fields: reasonFields(request, t),
      },
    ],
    components: [buttons(ticket, request, t)],
    allowed_mentions: pingOnly({ users: [ticket.creatorId] }),
  };
}

const OUTCOME_WORDS = {
  accepted: 'close-request.endedAccepted',
  declined: 'close-request.endedDeclined',
  cancelled: 'close-request.endedCancelled',
  expired: 'close-request.endedExpired',
} as const satisfies Record<CloseRequestOutcome, string>;

/** How the request ended, in the thread's language. */
function outcomeEmbed(
  ticket: TicketFacts,
  request: CloseRequestFacts,
  outcome: CloseRequestOutcome,
  actorId: string | null,
) {
  const t = translator(resolveLocale(ticket.language));
  return {
    title: t('close-request.endedTitle'),
    description: t(OUTCOME_WORDS[outcome], { actor: actorId ? userMention(actorId) : '' }),
    color: outcome === 'accepted' || outcome === 'expired' ? NOTICE_COLORS.closed : NOTICE_COLORS.info,
    fields: reasonFields(request, t),
  };
}

/** The thread hears how the request ended; pings nobody. */
export function renderCloseRequestEnded(notice: NoticeOf<'close_request_ended'>): NoticeMessage {
  return {
    embeds: [outcomeEmbed(notice.ticket, notice.request, notice.outcome, notice.actorId)],
    allowed_mentions: pingOnly(),
  };
}

/** The request's own message once it ended: the outcome in place of the question, and no buttons. */
export function closeRequestOutcomeMessage(
  ticket: TicketFacts,
  request: CloseRequestFacts,
  outcome: CloseRequestOutcome,
  actorId: string | null,
): Pick<NoticeMessage, 'embeds' | 'components'> {
  return { embeds: [outcomeEmbed(ticket, request, outcome, actorId)], components: [] };
}
