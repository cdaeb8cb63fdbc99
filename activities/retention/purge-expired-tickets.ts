import { asyncLocalStorage } from '@temporalio/activity';
import { z } from 'zod';
import { latestExpirableClose, pastRetention } from '../../domain/plan-limits.ts';
import type { PlanCatalogue } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { guildPlanPeriods } from '../../store/entitlements/guild-plan-history.ts';
import {
  type CloseCursor,
  closedTicketsWithContent,
  forgetClosedTicketContent,
} from '../../store/retention/closed-ticket-content.ts';
import { transcriptKey } from '../../transcripts/keys.ts';
import type { TranscriptStorage } from '../../transcripts/storage.ts';
import type {
  GuildRetentionResult,
  RetentionActivities,
  RetentionCounts,
} from '../../workflows/retention/definitions.ts';
import { parseInput } from '../database/failures.ts';

export interface RetentionActivityDeps {
  prisma: PrismaClient;
  storage: TranscriptStorage;
  /** The plans and their retention as the operators configured them (config/plans-config.ts). */
  plans: PlanCatalogue;
}

const PAGE = 100;

const purgeInputSchema = z.object({ guildId: snowflake, asOf: z.number().int().nonnegative() });

/** Where an attempt had come to, heartbeated after each ticket: a retry starts after it with its counts. */
const progressSchema = z.object({
  after: z.object({ closedAt: z.number(), id: z.string() }),
  counts: z.object({ tickets: z.number(), messages: z.number(), files: z.number(), kept: z.number() }),
});

/**
 * One guild's pass (RetentionActivities.purgeExpiredTickets). For each closed ticket past retention, the files go
 * first and the rows after, so a failure between them leaves the ticket listed for the retry, never files without
 * a row pointing at them.
 */
export async function purgeExpiredTickets(
  deps: RetentionActivityDeps,
  rawInput: Parameters<RetentionActivities['purgeExpiredTickets']>[0],
): Promise<GuildRetentionResult> {
  const { guildId, asOf } = parseInput(purgeInputSchema, rawInput, 'purgeExpiredTickets input');
  const context = asyncLocalStorage.getStore();
  const resumed = progressSchema.safeParse(context?.info.heartbeatDetails);
  let after: CloseCursor | null = resumed.success ? resumed.data.after : null;
  const counts: RetentionCounts = resumed.success
    ? resumed.data.counts
    : { tickets: 0, messages: 0, files: 0, kept: 0 };

  const held = await guildPlanPeriods(deps.prisma, guildId);
  const closedBy = new Date(latestExpirableClose(asOf, held, deps.plans));
  for (;;) {
    const page = await closedTicketsWithContent(deps.prisma, { guildId, closedBy, after, limit: PAGE });
    for (const ticket of page) {
      context?.cancellationSignal.throwIfAborted();
      if (pastRetention(ticket.closedAt.getTime(), asOf, held, deps.plans)) {
        const key = ticket.transcriptKey ?? transcriptKey({ guildId, number: ticket.number });
        const { files } = await deps.storage.deleteTranscript(key);
        const forgotten = await forgetClosedTicketContent(deps.prisma, { guildId, ticketId: ticket.id });
        if (!forgotten) throw new Error(`ticket ${guildId}/${ticket.number} was listed closed and is not`);
        counts.tickets += 1;
        counts.messages += forgotten.messages;
        counts.files += files;
      } else {
        counts.kept += 1;
      }
      after = { closedAt: ticket.closedAt.getTime(), id: ticket.id };
      context?.heartbeat({ after, counts });
    }
    if (page.length < PAGE) return { guildId, ...counts };
  }
}
