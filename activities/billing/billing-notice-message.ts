import { billingPagePath } from '../../domain/panel-paths.ts';
import type { PlanId } from '../../domain/plans.ts';
import type { BillingNoticeKind } from '../../workflows/subscription/definitions.ts';
import { discordTime, NOTICE_COLORS, type NoticeMessage, type NoticeSettings } from '../discord/notices/format.ts';

const PLAN_NAMES: Record<PlanId, string> = { free: 'Free', pro: 'Pro', enterprise: 'Enterprise' };

/**
 * The direct message that tells an admin what changed in their subscription and what happens next. `at` is the
 * moment the notice is about: the failure, the end of the grace period, the end of the plan, or the recovery.
 */
export function renderBillingNotice(
  notice: { kind: BillingNoticeKind; plan: PlanId; at: number },
  guild: { id: string; name: string } | null,
  settings: NoticeSettings,
): NoticeMessage {
  const plan = `Ticketflow ${PLAN_NAMES[notice.plan]}`;
  const where = guild ? ` for **${guild.name}**` : '';
  const page = guild && settings.publicUrl ? `\n[Billing page](${settings.publicUrl}${billingPagePath(guild.id)})` : '';
  const { title, description, color } = {
    payment_failed: {
      title: `Payment for ${plan} failed`,
      description:
        `The payment${where} failed ${discordTime(notice.at, 'R')}. The plan stays on while the payment provider ` +
        'tries again; update the payment method there to keep it. You will be told before it would end.',
      color: NOTICE_COLORS.warning,
    },
    grace_ending: {
      title: `${plan} ends ${discordTime(notice.at, 'R')}`,
      description:
        `The payment${where} is still missing. Unless it goes through, the plan ends ${discordTime(notice.at, 'f')} ` +
        "and the server falls back to the free plan's limits.",
      color: NOTICE_COLORS.closed,
    },
    plan_ended: {
      title: `${plan} has ended`,
      description:
        `${plan}${where} ended ${discordTime(notice.at, 'f')}. The server now has the free plan's limits; ` +
        'nothing is deleted before its retention date. Subscribe again at any time.',
      color: NOTICE_COLORS.closed,
    },
    payment_recovered: {
      title: `Payment for ${plan} received`,
      description: `The missing payment${where} went through: ${plan} continues as before.`,
      color: NOTICE_COLORS.open,
    },
  }[notice.kind];
  return {
    embeds: [{ title, description: `${description}${page}`, color, timestamp: new Date(notice.at).toISOString() }],
    allowed_mentions: { parse: [] },
  };
}
