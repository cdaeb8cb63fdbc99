import { patched } from '@temporalio/workflow';
import { CATEGORIES_FULL_NOTICE_EVERY_MS } from '../../domain/ticket-channel-mode.ts';
import { bestEffort } from './best-effort.ts';
import type { OpenTicketResult } from './definitions.ts';
import type { TicketRun } from './run.ts';

/** Marks runs that tell the guild's staff when a ticket was refused because every ticket category is full. */
export const CATEGORIES_FULL_NOTICE_PATCH = 'categories-full-notice';

/**
 * A ticket refused because every category is full: the member was told, and staff are told too, in the histories
 * channel (else the reminders channel), once per guild per CATEGORIES_FULL_NOTICE_EVERY_MS. The claim in Postgres
 * decides which refused ticket speaks; its key is the ticket's own, so its retries still post, and the post is one
 * message per key. Neither holds anything up: the ticket is refused either way.
 */
export async function tellStaffCategoriesFull(run: TicketRun, result: OpenTicketResult): Promise<void> {
  if (result.outcome !== 'refused' || result.code !== 'categories_full') return;
  const { ticket } = run;
  const channelId = ticket.settings?.historiesChannelId ?? ticket.settings?.remindersChannelId;
  if (!channelId || !patched(CATEGORIES_FULL_NOTICE_PATCH)) return;
  const key = `${ticket.workflowId}:categories_full`;
  const claim = await bestEffort(run, 'claim the categories-full notice', () =>
    run.act.claimStaffNotice({
      guildId: ticket.guildId,
      kind: 'categories_full',
      key,
      at: Date.now(),
      everyMs: CATEGORIES_FULL_NOTICE_EVERY_MS,
    }),
  );
  if (!claim?.claimed) return;
  await bestEffort(run, 'tell staff every category is full', () =>
    run.act.postNotice({
      channelId,
      idempotencyKey: key,
      notice: {
        kind: 'categories_full',
        ticket: run.facts(),
        categoryCount: ticket.settings?.ticketCategoryIds?.length ?? 0,
      },
    }),
  );
}
