import {
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { settingsChanged } from '../ticket/definitions.ts';
import { type GuildSettingsActivities, type GuildSettingsFanOutInput, guildSettingsSaved } from './definitions.ts';

const PAGE = 100;
/** The fan-out adds a few events per ticket told; a guild with thousands of open tickets continues as new. */
const CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

const act = proxyActivities<GuildSettingsActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Tells every open ticket of a guild that its settings changed, durably: a save that lands while a pass runs
 * starts another pass when this one ends, so no ticket keeps settings older than the last save.
 */
export async function guildSettingsFanOutWorkflow(input: GuildSettingsFanOutInput): Promise<void> {
  let savedAgain = input.resume?.savedAgain ?? false;
  setHandler(guildSettingsSaved, () => {
    savedAgain = true;
  });
  let after = input.resume?.afterWorkflowId ?? null;
  // A pass that starts now covers every save so far, the one that started this run included.
  if (after === null) savedAgain = false;
  for (;;) {
    const page = await act.listOpenTicketWorkflows({ guildId: input.guildId, afterWorkflowId: after, limit: PAGE });
    await Promise.all(page.map(tellTicket));
    after = page.length === PAGE ? (page.at(-1) ?? null) : null;
    if (after === null) {
      if (!savedAgain) return;
      savedAgain = false; // the next pass starts now
    }
    if (workflowInfo().historyLength >= CONTINUE_AS_NEW_AFTER_EVENTS) {
      await continueAsNew<typeof guildSettingsFanOutWorkflow>({
        guildId: input.guildId,
        resume: after === null ? undefined : { afterWorkflowId: after, savedAgain },
      });
    }
  }
}

/** A ticket that closed since the list was read has nothing to follow any more. */
async function tellTicket(workflowId: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(workflowId).signal(settingsChanged);
  } catch (err) {
    log.info('a ticket was not told of changed settings: it has ended', { workflowId, error: String(err) });
  }
}
