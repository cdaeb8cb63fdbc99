import { Title } from '@solidjs/meta';
import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { money, providerNames } from '../../components/billing/billing-words.ts';
import { ListFilters, useListFilters } from '../../components/billing/ListFilters.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { getRevenue } from '../../lib/admin-api.ts';

/** MRR, paying subscriptions and churn by month and provider, from the subscriptions the workflows mirrored. */
export default function RevenuePage() {
  const filters = useListFilters(['from', 'to']);
  const listed = createAsync(() => getRevenue(filters()), { deferStream: true });
  return (
    <Show when={listed() !== undefined}>
      <Show when={listed()} fallback={<NotFound />}>
        {(list) => (
          <section aria-labelledby="revenue-title">
            <Title>Revenue · Operators · Ticketflow</Title>
            <h1 id="revenue-title">Revenue</h1>
            <p>
              Monthly recurring revenue at each month's end (a yearly price counts as a twelfth), the subscriptions
              paying at its start, and those that stopped paying in it (churn).
            </p>
            <ListFilters
              label="Months"
              refused={list().refused}
              fields={[
                { name: 'from', label: 'From month', hint: 'YYYY-MM' },
                { name: 'to', label: 'To month', hint: 'YYYY-MM' },
              ]}
            />
            <Show when={list().page}>
              {(page) => (
                <>
                  <p>
                    From {page().from} to {page().to}.
                  </p>
                  <Show
                    when={page().months.length > 0}
                    fallback={<p class="empty-state">No subscription has paid in these months.</p>}
                  >
                    <div class="admin-table-scroll">
                      <table class="admin-table" aria-label="Revenue by month">
                        <thead>
                          <tr>
                            <th scope="col">Month</th>
                            <th scope="col">Provider</th>
                            <th scope="col">MRR</th>
                            <th scope="col">Paying at start</th>
                            <th scope="col">Stopped paying</th>
                            <th scope="col">Churn</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={page().months}>
                            {(row) => (
                              <tr>
                                <td>{row.month}</td>
                                <td>{providerNames[row.provider]}</td>
                                <td>{money(row.mrrMinor, row.currency)}</td>
                                <td>{row.activeAtStart}</td>
                                <td>{row.endedInMonth}</td>
                                <td>{row.churn === null ? '—' : `${(row.churn * 100).toFixed(1)} %`}</td>
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
          </section>
        )}
      </Show>
    </Show>
  );
}
