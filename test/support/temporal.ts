import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowBundleOptions } from '../../temporal/workflow-code.ts';
import { registeredSearchAttributes } from '../../workflows/search-attributes.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
let runtimeInstalled = false;

function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  runtimeInstalled = true;
}

function provisionedExecutable(envName: string, cached: string): string {
  const path = process.env[envName] ?? `${repoRoot}.cache/bin/${cached}`;
  if (!existsSync(path)) {
    throw new Error(
      `${path} does not exist: run the tests with 'bash scripts/test.sh' (it provisions it) or set ${envName}.`,
    );
  }
  return path;
}

/**
 * The Java time-skipping server, provisioned by the project's scripts. It takes custom search attributes
 * only at run time, through the operator service (an unknown one would fail workflow tasks forever).
 */
export async function startTimeSkippingServer(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = provisionedExecutable('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
  const searchAttributes: Record<string, number> = {};
  for (const key of registeredSearchAttributes) {
    const type = encodeSearchAttributeIndexedValueType(key.type);
    if (type === undefined) throw new Error(`no indexed value type for search attribute ${key.name}`);
    searchAttributes[key.name] = type;
  }
  await env.connection.operatorService.addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes });
  return env;
}

/** The Temporal CLI binary the scripts provisioned, for `temporal workflow list` and the dev server. */
export function temporalCliPath(): string {
  return provisionedExecutable('TEMPORAL_CLI_PATH', 'temporal');
}

/**
 * The Temporal CLI dev server, as the start command runs it (SQLite in memory here), on the given port, with the
 * search attributes given (every registered one by default). SQLite visibility takes at most 10 custom Keyword
 * attributes, so a test of one workflow family may register only that family's.
 */
export async function startDevServer(
  port: number,
  searchAttributes: readonly (typeof registeredSearchAttributes)[number][] = registeredSearchAttributes,
): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      port,
      searchAttributes: [...searchAttributes],
      extraArgs: ['--dynamic-config-value', 'frontend.enableExecuteMultiOperation=true'],
    },
  });
}

/** Bundling takes seconds: once per test file. The worker's own bundle options, workflow interceptors included. */
export function bundleTicketWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ ...workflowBundleOptions(), logger: new DefaultLogger('WARN') });
}
