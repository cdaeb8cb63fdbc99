import { asyncLocalStorage } from '@temporalio/activity';

/**
 * Runs a long activity step while heartbeating every `intervalMs`, so that when its worker dies the attempt
 * times out after the workflow's short heartbeat timeout and is retried elsewhere, instead of waiting out the
 * long start-to-close timeout. Outside an activity (a direct call in a test) it just runs the step.
 */
export async function heartbeatWhile<T>(step: () => Promise<T>, intervalMs = 5_000): Promise<T> {
  const context = asyncLocalStorage.getStore();
  if (!context) return step();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), intervalMs);
  try {
    return await step();
  } finally {
    clearInterval(timer);
  }
}
