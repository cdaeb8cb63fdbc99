import { Title } from '@solidjs/meta';
import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { planNames, providerNames } from '../../components/billing/billing-words.ts';
import { ListPager, useListFilters } from '../../components/billing/ListFilters.tsx';
import { NotFound } from '../../components/NotFound.tsx';
import { getAdminGuilds } from '../../lib/admin-api.ts';

/** Every server the service knows, by id, with its plan now and its tickets this month against the plan's limit. */
export default function GuildsPage() {
  const filters = useListFilters([]);
  const listed = createAsync(() => getAdminGuilds(filters()), { deferStream: true });
  return (
    <Show when={listed() !== undefined}>
      <Show when={listed()} fallback={<NotFound />}>
        {(list) => (
          <section aria-labelledby="admin-guilds-title">
            <Title>Servers · Operators · Ticketflow</Title>
            <h1 id="admin-guilds-title">Servers and their plans</h1>
            <Show when={list().page}>
              {(page) => (
                <Show when={page().guilds.length > 0} fallback={<p class="empty-state">No server yet.</p>}>
                  <div class="admin-table-scroll">
                    <table class="admin-table" aria-label="Servers">
                      <thead>
                        <tr>
                          <th scope="col">Server id</th>
                          <th scope="col">Plan</th>
                          <th scope="col">Tickets this month</th>
                          <th scope="col">From</th>
                          <th scope="col">Actions</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={page().guilds}>
                          {(guild) => (
                            <tr>
                              <td>{guild.guildId}</td>
                              <td>{planNames[guild.plan]}</td>
                              <td>
                                {guild.ticketsThisMonth} of {guild.ticketsPerMonth ?? 'unlimited'}
                              </td>
                              <td>{guild.grantedBy ? providerNames[guild.grantedBy] : '—'}</td>
                              <td>
                                <div class="action-row">
                                  <A href={`/admin/entitlements?guild=${guild.guildId}`}>Entitlements</A>
                                  <A href={`/admin/entitlements?grantTo=${guild.guildId}`}>Grant…</A>
                                </div>
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
