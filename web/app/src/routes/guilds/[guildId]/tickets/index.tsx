import { Title } from '@solidjs/meta';
import { A, createAsync, revalidate, useParams, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { LocalTime } from '../../../../components/LocalTime.tsx';
import { priorityLabels, statusLabels, timerLabels } from '../../../../components/tickets/ticket-words.ts';
import { getMe } from '../../../../lib/api.ts';
import { getTickets, type TicketListQuery, ticketsPath } from '../../../../lib/ticket-api.ts';
import { followTicketStream } from '../../../../lib/ticket-stream.ts';
import '../../../../components/tickets/tickets.css';

const AGES: Record<string, { label: string; hours: number }> = {
  '1d': { label: 'Last 24 hours', hours: 24 },
  '7d': { label: 'Last 7 days', hours: 24 * 7 },
  '30d': { label: 'Last 30 days', hours: 24 * 30 },
};

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** "Opened in the last N": from the start of the current hour, so the server's and the browser's query agree. */
function openedAfter(age: string | undefined): string | undefined {
  const hours = age ? AGES[age]?.hours : undefined;
  if (!hours) return undefined;
  const since = new Date(Date.now() - hours * 3_600_000);
  since.setUTCMinutes(0, 0, 0);
  return since.toISOString();
}

export default function TicketList() {
  const params = useParams<{ guildId: string }>();
  const [search] = useSearchParams();
  const filters = (): TicketListQuery => ({
    status: one(search.status),
    type: one(search.type),
    assignee: one(search.assignee),
    creator: one(search.creator),
    timer: one(search.timer),
    priority: one(search.priority),
    label: one(search.label),
    openedAfter: openedAfter(one(search.age)),
    sort: one(search.sort),
    order: one(search.order),
    cursor: one(search.cursor),
  });
  const page = createAsync(() => getTickets(params.guildId, filters()), { deferStream: true });
  followTicketStream({
    path: () => `${ticketsPath(params.guildId)}/stream`,
    changeId: () => page()?.page?.changeId,
    refresh: () => revalidate(getTickets.keyFor(params.guildId, filters())),
  });
  /** This list's address with its filters, at the page after `cursor` (the first page without one). */
  const pageHref = (cursor?: string) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) {
      const single = one(value);
      if (single && key !== 'cursor') next.set(key, single);
    }
    if (cursor) next.set('cursor', cursor);
    return `?${next}`;
  };
  const me = createAsync(() => getMe());
  const assignee = (id: string | null) => (id === null ? 'Unassigned' : id === me()?.id ? 'You' : `Staff ${id}`);

  return (
    <section aria-labelledby="tickets-title">
      <Title>Tickets · Ticketflow</Title>
      <h1 id="tickets-title">Tickets</h1>
      <form class="ticket-filters" method="get" aria-label="Filter tickets">
        <label>
          Status
          <select name="status" value={one(search.status) ?? ''}>
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="opening">Opening</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <label>
          Type
          <input name="type" value={one(search.type) ?? ''} placeholder="e.g. support" size="10" />
        </label>
        <label>
          Assignee
          <select name="assignee" value={one(search.assignee) ?? ''}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            <Show when={one(search.assignee) && one(search.assignee) !== 'none'}>
              <option value={one(search.assignee)}>{one(search.assignee)}</option>
            </Show>
          </select>
        </label>
        <label>
          Creator (Discord id)
          <input name="creator" value={one(search.creator) ?? ''} inputmode="numeric" size="20" />
        </label>
        <label>
          Opened
          <select name="age" value={one(search.age) ?? ''}>
            <option value="">Any time</option>
            <For each={Object.entries(AGES)}>{([key, age]) => <option value={key}>{age.label}</option>}</For>
          </select>
        </label>
        <label>
          Timer
          <select name="timer" value={one(search.timer) ?? ''}>
            <option value="">Any</option>
            <option value="running">Running</option>
            <option value="paused">Paused</option>
            <option value="disabled">Off</option>
          </select>
        </label>
        <label>
          Priority
          <select name="priority" value={one(search.priority) ?? ''}>
            <option value="">Any</option>
            <option value="urgent">Urgent</option>
            <option value="high">High</option>
            <option value="normal">Normal</option>
            <option value="low">Low</option>
          </select>
        </label>
        <label>
          Label
          <input name="label" value={one(search.label) ?? ''} maxLength={32} placeholder="Any" />
        </label>
        <label>
          Sort by
          <select name="sort" value={one(search.sort) ?? 'opened'}>
            <option value="opened">Opened</option>
            <option value="lastActivity">Last activity</option>
            <option value="number">Number</option>
            <option value="closed">Closed</option>
          </select>
        </label>
        <label>
          Order
          <select name="order" value={one(search.order) ?? 'desc'}>
            <option value="desc">Newest first</option>
            <option value="asc">Oldest first</option>
          </select>
        </label>
        <button type="submit" class="button">
          Apply
        </button>
      </form>
      <Show when={page()?.refused}>
        {(refused) => (
          <div class="notice notice-error" role="alert">
            <p>{refused()}</p>
          </div>
        )}
      </Show>
      <Show when={page()?.page}>
        {(current) => (
          <>
            <Show
              when={current().tickets.length > 0}
              fallback={
                <div class="empty-state">
                  <h2>No tickets here</h2>
                  <p>No ticket matches these filters yet. New tickets appear here as they are opened.</p>
                </div>
              }
            >
              <div class="table-scroll">
                <table class="ticket-table">
                  <caption class="visually-hidden">Tickets, updated live</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ticket</th>
                      <th scope="col">Type</th>
                      <th scope="col">Opened by</th>
                      <th scope="col">Status</th>
                      <th scope="col">Priority</th>
                      <th scope="col">Labels</th>
                      <th scope="col">Assignee</th>
                      <th scope="col">Opened</th>
                      <th scope="col">Last activity</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={current().tickets}>
                      {(ticket) => (
                        <tr>
                          <th scope="row">
                            <A href={`/guilds/${params.guildId}/tickets/${ticket.number}`}>#{ticket.number}</A>
                          </th>
                          <td>{ticket.typeName}</td>
                          <td>{ticket.creatorName}</td>
                          <td>
                            <span class={`badge status-${ticket.status}`}>{statusLabels[ticket.status]}</span>{' '}
                            <Show when={ticket.status !== 'closed' && ticket.timerState !== 'running'}>
                              <span class="badge">{timerLabels[ticket.timerState]}</span>
                            </Show>
                          </td>
                          <td>{priorityLabels[ticket.priority]}</td>
                          <td>
                            <For each={ticket.labels}>{(label) => <span class="badge">{label}</span>}</For>
                          </td>
                          <td>{assignee(ticket.assigneeId)}</td>
                          <td>
                            <LocalTime iso={ticket.openedAt} relative />
                          </td>
                          <td>
                            <LocalTime iso={ticket.lastActivityAt} relative />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <nav class="pager" aria-label="Pages">
              <Show when={one(search.cursor)}>
                <A href={pageHref()} class="button">
                  First page
                </A>
              </Show>
              <Show when={current().nextCursor}>
                {(cursor) => (
                  <A href={pageHref(cursor())} class="button">
                    Next page
                  </A>
                )}
              </Show>
            </nav>
          </>
        )}
      </Show>
    </section>
  );
}
