import { Title } from '@solidjs/meta';
import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { holderText, money, planNames, providerNames, statusNames } from '../../components/billing/billing-words.ts';
import { ListFilters, ListPager, useListFilters } from '../../components/billing/ListFilters.tsx';
import { LocalTime } from '../../components/LocalTime.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { getAdminSubscriptions } from '../../lib/admin-api.ts';

const FILTERS = ['provider', 'plan', 'status', 'guild', 'user'] as const;

/** The providers' subscriptions as their workflows last mirrored them, newest first. */
export default function SubscriptionsPage() {
  const filters = useListFilters(FILTERS);
  const listed = createAsync(() => getAdminSubscriptions(filters()), { deferStream: true });
  return (
    <Show when={listed() !== undefined}>
      <Show when={listed()} fallback={<NotFound />}>
        {(list) => (
          <section aria-labelledby="subscriptions-title">
            <Title>Subscriptions · Operators · Ticketflow</Title>
            <h1 id="subscriptions-title">Subscriptions</h1>
            <ListFilters
              label="Filter subscriptions"
              refused={list().refused}
              fields={[
                { name: 'provider', label: 'Provider', options: ['stripe', 'paypal', 'patreon'] },
                { name: 'plan', label: 'Plan', options: ['free', 'pro', 'enterprise'] },
                {
                  name: 'status',
                  label: 'Status',
                  options: ['trialing', 'active', 'past_due', 'canceled_at_period_end', 'ended'],
                },
                { name: 'guild', label: 'Server id' },
                { name: 'user', label: 'Holder user id' },
              ]}
            />
            <Show when={list().page}>
              {(page) => (
                <Show
                  when={page().subscriptions.length > 0}
                  fallback={<p class="empty-state">No subscription matches.</p>}
                >
                  <div class="admin-table-scroll">
                    <table class="admin-table" aria-label="Subscriptions">
                      <thead>
                        <tr>
                          <th scope="col">Provider and id</th>
                          <th scope="col">Holder</th>
                          <th scope="col">Plan</th>
                          <th scope="col">Status</th>
                          <th scope="col">Price</th>
                          <th scope="col">Period ends</th>
                          <th scope="col">Started</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={page().subscriptions}>
                          {(subscription) => (
                            <tr>
                              <td>
                                {providerNames[subscription.provider]}
                                <br />
                                <span class="muted">{subscription.subscriptionId}</span>
                              </td>
                              <td>{holderText(subscription.holder)}</td>
                              <td>{planNames[subscription.plan]}</td>
                              <td>
                                {statusNames[subscription.status]}
                                <Show when={subscription.paymentFailedAt}>
                                  {(at) => (
                                    <>
                                      <br />
                                      <span class="status-bad">
                                        failed <LocalTime iso={at()} />
                                      </span>
                                    </>
                                  )}
                                </Show>
                              </td>
                              <td>
                                {money(subscription.price.amountMinor, subscription.price.currency)} a{' '}
                                {subscription.price.interval}
                              </td>
                              <td>
                                <LocalTime iso={subscription.endedAt ?? subscription.currentPeriodEnd} />
                              </td>
                              <td>
                                <LocalTime iso={subscription.startedAt} />
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                  <ListPager nextCursor={page().nextCursor} />
                </Show>
              )}
            </Show>
          </section>
        )}
      </Show>
    </Show>
  );
}
