import { ActivityFailure, continueAsNew, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  GuildRetentionResult,
  RetentionActivities,
  RetentionRunInput,
  RetentionRunResult,
  RetentionTotals,
} from './definitions.ts';

const GUILD_PAGE = 100;
/** Each guild adds a few events; a deployment with thousands of guilds continues as new between pages. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

const act = proxyActivities<RetentionActivities>({
  // A guild with years of tickets takes long; its heartbeats show it is alive, and a retry resumes where it was.
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

/**
 * The daily retention run (started by the Schedule, temporal/retention-schedule.ts): every guild in turn, as of
 * the run's start, deletes the transcripts and messages of closed tickets past the retention of the best plan the
 * guild held since each close. One guild that keeps failing is logged and left for the next run; the others go on.
 */
export async function retentionWorkflow(input: RetentionRunInput = {}): Promise<RetentionRunResult> {
  const asOf = input.resume?.asOf ?? Date.now();
  const totals: RetentionTotals = input.resume?.totals ?? {
    guilds: 0,
    failedGuilds: 0,
    tickets: 0,
    messages: 0,
    files: 0,
    kept: 0,
  };
  let after = input.resume?.afterGuildId ?? null;
  for (;;) {
    const guildIds = await act.listRetentionGuilds({ afterGuildId: after, limit: GUILD_PAGE });
    for (const guildId of guildIds) await purgeGuild(guildId, asOf, totals);
    const last = guildIds.at(-1);
    if (guildIds.length < GUILD_PAGE || last === undefined) break;
    after = last;
    if (workflowInfo().historyLength >= CONTINUE_AS_NEW_AFTER_EVENTS) {
      await continueAsNew<typeof retentionWorkflow>({ resume: { asOf, afterGuildId: last, totals } });
    }
  }
  const result = { asOf, ...totals };
  log.info('retention run finished', { ...result });
  return result;
}

async function purgeGuild(guildId: string, asOf: number, totals: RetentionTotals): Promise<void> {
  totals.guilds += 1;
  let result: GuildRetentionResult;
  try {
    result = await act.purgeExpiredTickets({ guildId, asOf });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    totals.failedGuilds += 1;
    log.error('retention of a guild failed; the next run tries it again', { guildId, error: String(error.cause) });
    return;
  }
  totals.tickets += result.tickets;
  totals.messages += result.messages;
  totals.files += result.files;
  totals.kept += result.kept;
  if (result.tickets > 0) log.info('retention deleted closed tickets’ transcripts and messages', { ...result });
}
