import { Title } from '@solidjs/meta';
import { A, createAsync } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { holderText, planNames, providerNames } from '../../components/billing/billing-words.ts';
import { type EntitlementChange, EntitlementChangeDialog } from '../../components/billing/EntitlementChangeDialog.tsx';
import { GrantForm } from '../../components/billing/GrantForm.tsx';
import { ListFilters, ListPager, useListFilters } from '../../components/billing/ListFilters.tsx';
import { LocalTime } from '../../components/LocalTime.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { type AdminEntitlement, getAdminEntitlements } from '../../lib/admin-api.ts';

const FILTERS = ['source', 'plan', 'status', 'guild', 'user'] as const;

/** Every entitlement, newest first: filtered, paged, and the operators' manual grants, extensions and revocations. */
export default function EntitlementsPage() {
  const filters = useListFilters(FILTERS);
  const listed = createAsync(() => getAdminEntitlements(filters()), { deferStream: true });
  const [changing, setChanging] = createSignal<EntitlementChange>();
  const [now, setNow] = createSignal<number | null>(null);
  onMount(() => setNow(Date.now()));
  // Before the browser's clock is known, the server's answer said which grant: what has an end in the past ended.
  const ended = (entitlement: AdminEntitlement) =>
    entitlement.endsAt !== null && new Date(entitlement.endsAt).getTime() <= (now() ?? Date.now());

  return (
    <Show when={listed() !== undefined}>
      <Show when={listed()} fallback={<NotFound />}>
        {(list) => (
          <section aria-labelledby="entitlements-title">
            <Title>Entitlements · Operators · Ticketflow</Title>
            <h1 id="entitlements-title">Entitlements</h1>
            <GrantForm />
            <h2>All entitlements</h2>
            <ListFilters
              label="Filter entitlements"
              refused={list().refused}
              fields={[
                { name: 'source', label: 'Source', options: ['stripe', 'paypal', 'patreon', 'manual'] },
                { name: 'plan', label: 'Plan', options: ['free', 'pro', 'enterprise'] },
                { name: 'status', label: 'Status', options: ['active', 'ended', 'upcoming'] },
                { name: 'guild', label: 'Server id', hint: 'held or assigned' },
                { name: 'user', label: 'Holder user id' },
              ]}
            />
            <Show when={list().page}>
              {(page) => (
                <Show
                  when={page().entitlements.length > 0}
                  fallback={<p class="empty-state">No entitlement matches.</p>}
                >
                  <div class="admin-table-scroll">
                    <table class="admin-table" aria-label="Entitlements">
                      <thead>
                        <tr>
                          <th scope="col">Holder</th>
                          <th scope="col">Plan</th>
                          <th scope="col">Source</th>
                          <th scope="col">From</th>
                          <th scope="col">Until</th>
                          <th scope="col">By</th>
                          <th scope="col">Actions</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={page().entitlements}>
                          {(entitlement) => (
                            <tr>
                              <td>
                                {holderText(entitlement.holder)}
                                <Show when={entitlement.assignedGuildIds.length > 0}>
                                  <br />
                                  <span class="muted">for {entitlement.assignedGuildIds.join(', ')}</span>
                                </Show>
                              </td>
                              <td>{planNames[entitlement.plan]}</td>
                              <td>
                                {providerNames[entitlement.source]}
                                <Show when={entitlement.subscription}>
                                  {(subscription) => (
                                    <>
                                      <br />
                                      <A
                                        href={`/admin/subscriptions?provider=${subscription().provider}&guild=${
                                          entitlement.holder.kind === 'guild' ? entitlement.holder.guildId : ''
                                        }`}
                                      >
                                        {subscription().subscriptionId}
                                      </A>
                                    </>
                                  )}
                                </Show>
                              </td>
                              <td>
                                <LocalTime iso={entitlement.startsAt} />
                              </td>
                              <td class="wrap">
                                <Show when={entitlement.endsAt} fallback="until revoked">
                                  {(endsAt) => <LocalTime iso={endsAt()} />}
                                </Show>
                                <Show when={entitlement.endedReason}>
                                  {(reason) => <span class="muted"> ({reason()})</span>}
                                </Show>
                              </td>
                              <td>{entitlement.createdBy}</td>
                              <td>
                                <Show when={entitlement.source === 'manual'}>
                                  <div class="action-row">
                                    <button
                                      type="button"
                                      class="button"
                                      onClick={() => setChanging({ entitlement, kind: 'extend' })}
                                    >
                                      Extend…
                                    </button>
                                    <Show when={!ended(entitlement)}>
                                      <button
                                        type="button"
                                        class="button button-danger"
                                        onClick={() => setChanging({ entitlement, kind: 'revoke' })}
                                      >
                                        Revoke…
                                      </button>
                                    </Show>
                                  </div>
                                </Show>
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
            <EntitlementChangeDialog change={changing()} onClose={() => setChanging(undefined)} />
          </section>
        )}
      </Show>
    </Show>
  );
}
