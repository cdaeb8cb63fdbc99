import type { TicketNotice } from '../../../domain/ticket.ts';
import { renderAssigned } from './assigned.ts';
import { renderCategoriesFull } from './categories-full.ts';
import { renderCloseRequestEnded, renderCloseRequested } from './close-request.ts';
import { renderClosing } from './closing.ts';
import type { NoticeMessage, NoticeSettings } from './format.ts';
import { renderInactivityWarning } from './inactivity-warning.ts';
import { fitEmbed, MESSAGE_LIMITS, truncate } from './limits.ts';
import { renderMemberAdded } from './member-added.ts';
import { renderMemberRemoved, renderRoleAdded, renderRouted } from './people.ts';
import { renderProblem } from './problem.ts';
import { renderRatingPrompt } from './rating-prompt.ts';
import { renderReminder } from './reminder.ts';
import { renderReopened } from './reopened.ts';
import { renderSlaBreached, renderSupportAway } from './sla.ts';
import { renderSummary } from './summary.ts';
import { renderLabelsChanged, renderMoved, renderPriorityChanged, renderRenamed } from './ticket-metadata.ts';
import { renderTimerChanged } from './timer-changed.ts';
import { renderWelcome } from './welcome.ts';

function renderKind(notice: TicketNotice, settings: NoticeSettings): NoticeMessage {
  switch (notice.kind) {
    case 'welcome':
      return renderWelcome(notice);
    case 'assigned':
      return renderAssigned(notice);
    case 'member_added':
      return renderMemberAdded(notice);
    case 'member_removed':
      return renderMemberRemoved(notice);
    case 'role_added':
      return renderRoleAdded(notice);
    case 'routed':
      return renderRouted(notice);
    case 'timer_changed':
      return renderTimerChanged(notice);
    case 'inactivity_warning':
      return renderInactivityWarning(notice, settings);
    case 'reminder':
      return renderReminder(notice, settings);
    case 'closing':
      return renderClosing(notice);
    case 'summary':
      return renderSummary(notice, settings);
    case 'problem':
      return renderProblem(notice);
    case 'priority_changed':
      return renderPriorityChanged(notice);
    case 'labels_changed':
      return renderLabelsChanged(notice);
    case 'renamed':
      return renderRenamed(notice);
    case 'moved':
      return renderMoved(notice);
    case 'close_requested':
      return renderCloseRequested(notice);
    case 'close_request_ended':
      return renderCloseRequestEnded(notice);
    case 'support_away':
      return renderSupportAway(notice);
    case 'sla_breached':
      return renderSlaBreached(notice, settings);
    case 'reopened':
      return renderReopened(notice);
    case 'rating_prompt':
      return renderRatingPrompt(notice);
    case 'categories_full':
      return renderCategoriesFull(notice);
  }
}

/** A notice as a Discord message within Discord's limits: long texts are cut with an ellipsis, never rejected. */
export function renderNotice(notice: TicketNotice, settings: NoticeSettings = {}): NoticeMessage {
  const message = renderKind(notice, settings);
  const [embed] = message.embeds;
  return {
    ...message,
    ...(message.content === undefined ? {} : { content: truncate(message.content, MESSAGE_LIMITS.content) }),
    embeds: [fitEmbed(embed)],
  };
}
