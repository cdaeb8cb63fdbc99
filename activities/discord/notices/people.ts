import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translate.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, roleMention, userMention } from './format.ts';

/** Tells the thread who left it; the removed member is named, not pinged (they no longer see the thread). */
export function renderMemberRemoved(notice: NoticeOf<'member_removed'>): NoticeMessage {
  const t = translator(resolveLocale(notice.language));
  const description = t('people.noticeMemberRemoved', {
    member: userMention(notice.memberId),
    ticket: ticketLabel(notice.ticket.number),
    actor: userMention(notice.actor.id),
  });
  return { embeds: [{ description, color: NOTICE_COLORS.info }], allowed_mentions: pingOnly() };
}

/** The role's mention in the content is what makes Discord add its members (addRoleToThread posts it silently). */
export function renderRoleAdded(notice: NoticeOf<'role_added'>): NoticeMessage {
  const t = translator(resolveLocale(notice.language));
  const role = roleMention(notice.roleId);
  return {
    content: role,
    embeds: [
      {
        description: t('people.noticeRoleAdded', {
          role,
          ticket: ticketLabel(notice.ticket.number),
          actor: userMention(notice.actor.id),
        }),
        color: NOTICE_COLORS.info,
      },
    ],
    allowed_mentions: pingOnly({ roles: [notice.roleId] }),
  };
}

/** Pings the routed assignee, or, when nobody was available, the fallback role (if the type has one). */
export function renderRouted(notice: NoticeOf<'routed'>): NoticeMessage {
  const t = translator(resolveLocale(notice.language));
  const ticket = ticketLabel(notice.ticket.number);
  if (notice.assigneeId !== null) {
    const assignee = userMention(notice.assigneeId);
    return {
      content: assignee,
      embeds: [
        { description: t('people.noticeRoutedTo', { assignee, ticket, mode: notice.mode }), color: NOTICE_COLORS.info },
      ],
      allowed_mentions: pingOnly({ users: [notice.assigneeId] }),
    };
  }
  if (notice.fallbackRoleId !== null) {
    const role = roleMention(notice.fallbackRoleId);
    return {
      content: role,
      embeds: [{ description: t('people.noticeRoutedNobodyPing', { role, ticket }), color: NOTICE_COLORS.warning }],
      allowed_mentions: pingOnly({ roles: [notice.fallbackRoleId] }),
    };
  }
  return {
    embeds: [{ description: t('people.noticeRoutedNobody', { ticket }), color: NOTICE_COLORS.warning }],
    allowed_mentions: pingOnly(),
  };
}
