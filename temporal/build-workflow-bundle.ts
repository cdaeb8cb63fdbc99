/**
 * `npm run build:workflows [file]`: bundles the workflow code into one file (default: WORKFLOW_BUNDLE_PATH, else
 * dist/workflow-bundle.js), as the image does at build time, so that its worker starts without webpack.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { log } from '../telemetry/log-context.ts';
import { temporalLogger } from '../telemetry/temporal-logger.ts';
import { workflowBundleOptions } from './workflow-code.ts';

const output = resolve(process.argv[2] ?? process.env.WORKFLOW_BUNDLE_PATH ?? 'dist/workflow-bundle.js');
const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: temporalLogger(log()) });
await mkdir(dirname(output), { recursive: true });
await writeFile(output, code);
log().info({ output, bytes: code.length }, 'workflow bundle written');
