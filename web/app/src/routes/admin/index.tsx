import { Title } from '@solidjs/meta';
import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { providerNames } from '../../components/billing/billing-words.ts';
import { LocalTime } from '../../components/LocalTime.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { getServiceHealth } from '../../lib/admin-api.ts';

/** Why a delivery was refused, as webhook_delivery records it. */
const refusalWords: Record<string, string> = {
  missing_signature: 'no signature',
  bad_signature: 'signature does not match (is the webhook secret right?)',
  stale_timestamp: 'too old (a replay, or a clock off)',
  malformed_body: 'body not understood',
};

/** Whether the service is doing its work: workers polling, activities failing over and over, webhooks refused. */
export default function HealthPage() {
  const health = createAsync(() => getServiceHealth(), { deferStream: true });
  return (
    <Show when={health() !== undefined}>
      <Show when={health()} fallback={<NotFound />}>
        {(current) => (
          <section aria-labelledby="health-title">
            <Title>Health · Operators · Ticketflow</Title>
            <h1 id="health-title">Health</h1>
            <Show when={current().temporalError}>
              {(message) => (
                <div class="notice notice-error" role="alert">
                  <p>{message()}</p>
                </div>
              )}
            </Show>
            <Show when={current().workers}>
              {(workers) => (
                <>
                  <h2>Workers polling</h2>
                  <ul class="plain-list" aria-label="Task queues">
                    <For each={workers().pollers}>
                      {(queue) => (
                        <li>
                          <strong>
                            {queue.taskQueue} ({queue.kind}s):
                          </strong>{' '}
                          <Show
                            when={queue.pollers.length > 0}
                            fallback={<span class="status-bad">no worker is polling</span>}
                          >
                            {queue.pollers.length} polling (
                            <For each={queue.pollers}>
                              {(poller, index) => (
                                <>
                                  {index() > 0 && ', '}
                                  {poller.identity}
                                  <Show when={poller.lastAccessAt}>
                                    {(at) => (
                                      <>
                                        {' '}
                                        last <LocalTime iso={at()} relative />
                                      </>
                                    )}
                                  </Show>
                                </>
                              )}
                            </For>
                            )
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                  <h2>Activities failing repeatedly</h2>
                  <p>
                    Pending activities at their third attempt or later, in the newest {workers().inspected.workflows}{' '}
                    running workflows{workers().inspected.more ? ' (there are more, not looked into)' : ''}.
                  </p>
                  <Show
                    when={workers().failingActivities.length > 0}
                    fallback={<p class="empty-state">None: every pending activity is at its first or second try.</p>}
                  >
                    <div class="admin-table-scroll">
                      <table class="admin-table">
                        <caption class="visually-hidden">Activities failing repeatedly</caption>
                        <thead>
                          <tr>
                            <th scope="col">Workflow</th>
                            <th scope="col">Activity</th>
                            <th scope="col">Attempt</th>
                            <th scope="col">Last failure</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={workers().failingActivities}>
                            {(activity) => (
                              <tr>
                                <td>
                                  {activity.workflowId} <span class="muted">({activity.workflowType})</span>
                                </td>
                                <td>{activity.activityType}</td>
                                <td>{activity.attempt}</td>
                                <td class="wrap">{activity.lastFailure ?? '—'}</td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </div>
                  </Show>
                </>
              )}
            </Show>
            <h2>Webhooks refused in the last day</h2>
            <Show
              when={current().refusedWebhooks.length > 0}
              fallback={<p class="empty-state">None: every webhook delivery checked out.</p>}
            >
              <div class="admin-table-scroll">
                <table class="admin-table" aria-label="Webhooks refused">
                  <thead>
                    <tr>
                      <th scope="col">Provider</th>
                      <th scope="col">Why</th>
                      <th scope="col">How many</th>
                      <th scope="col">Last</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={current().refusedWebhooks}>
                      {(refused) => (
                        <tr>
                          <td>{providerNames[refused.provider]}</td>
                          <td>{refusalWords[refused.reason] ?? refused.reason}</td>
                          <td>{refused.count}</td>
                          <td>
                            <LocalTime iso={refused.lastAt} relative />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </section>
        )}
      </Show>
    </Show>
  );
}
