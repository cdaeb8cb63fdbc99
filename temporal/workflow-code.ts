import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';

const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
/** Interceptors that run inside workflow code: the ticket's guild and number on every workflow and activity log line. */
const WORKFLOW_INTERCEPTOR_MODULES = [
  fileURLToPath(new URL('../workflows/log-context-interceptors.ts', import.meta.url)),
];

/** What `bundleWorkflowCode` needs, the same for the image's prebuilt bundle, a worker bundling at start, and tests. */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules'> {
  return { workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES };
}

/**
 * Where the worker takes its workflows from: the bundle built ahead when `bundlePath` names one that exists (the
 * image sets WORKFLOW_BUNDLE_PATH; no bundling at start), the source otherwise (development: always today's code).
 */
export function workerWorkflowCode(
  bundlePath: string | undefined,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'interceptors'> & { source: string } {
  if (bundlePath && existsSync(bundlePath)) return { workflowBundle: { codePath: bundlePath }, source: bundlePath };
  return {
    workflowsPath: WORKFLOWS_PATH,
    interceptors: { workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
    source: WORKFLOWS_PATH,
  };
}
