/**
 * Records representative ticket histories for the replay test. Run on purpose only, when a deliberate,
 * patched workflow change should become the new baseline: `npm run fixtures:histories -- <version> [name part]`
 * records every scenario, or only those whose name contains the given part (a feature's own lives).
 * Old fixtures are kept: open tickets of every released version must keep replaying.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { channelModeScenarios } from './history-scenarios/channel-mode.ts';
import { channelStaffScenarios } from './history-scenarios/channel-staff.ts';
import { closeRequestScenarios } from './history-scenarios/close-request.ts';
import { coreScenarios } from './history-scenarios/core.ts';
import { everyFeatureScenarios } from './history-scenarios/every-feature.ts';
import type { HistoryScenario } from './history-scenarios/history-scenario.ts';
import { metadataScenarios } from './history-scenarios/metadata.ts';
import { peopleScenarios } from './history-scenarios/people.ts';
import { reopenRatingScenarios } from './history-scenarios/reopen-rating.ts';
import { slaScenarios } from './history-scenarios/sla.ts';
import { bundleTicketWorkflows, startTimeSkippingServer } from './temporal.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const version = process.argv[2] ?? 'v1';
const namePart = process.argv[3] ?? '';

const scenarios: HistoryScenario[] = [
  ...coreScenarios,
  ...channelModeScenarios,
  ...metadataScenarios,
  ...peopleScenarios,
  ...closeRequestScenarios,
  ...slaScenarios,
  ...reopenRatingScenarios,
  ...everyFeatureScenarios,
  ...channelStaffScenarios,
];

async function record(): Promise<void> {
  const chosen = scenarios.filter((scenario) => scenario.name.includes(namePart));
  if (chosen.length === 0) throw new Error(`No scenario's name contains "${namePart}".`);
  await mkdir(fixturesDir, { recursive: true });
  const [env, bundle] = await Promise.all([startTimeSkippingServer(), bundleTicketWorkflows()]);
  const save = async (name: string, workflowId: string, runId?: string) => {
    const history = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
    await writeFile(`${fixturesDir}${version}-${name}.json`, historyToJSON(history));
    console.log(`recorded ${version}-${name} (${history.events?.length ?? 0} events)`);
  };
  try {
    for (const scenario of chosen) await scenario.record({ env, bundle, save });
  } finally {
    await env.teardown();
  }
}

record().catch((err) => {
  console.error(err);
  process.exit(1);
});
