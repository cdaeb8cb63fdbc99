import { Title } from '@solidjs/meta';
import { createAsync, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { LocalTime } from '../../../components/LocalTime.tsx';
import { searchTranscripts, TRANSCRIPT_SEARCH_FIELDS, type TranscriptSearch } from '../../../lib/transcripts-api.ts';
import '../../../components/settings/settings.css';

/** A day picked in the viewer's calendar, as the instant it starts (or, for an end, the next day starts). */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00`);
  if (next) start.setDate(start.getDate() + 1);
  return start.toISOString();
}

/** The calendar day of an instant in the viewer's time zone, for the date inputs. */
function dayOf(iso: string | undefined, previous = false): string {
  if (!iso) return '';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return '';
  if (previous) moment.setDate(moment.getDate() - 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** A guild's closed tickets, searched by what staff remember of them, each opening its transcript. */
export default function TranscriptsPage() {
  const params = useParams<{ guildId: string }>();
  const [searchParams, setSearchParams] = useSearchParams<TranscriptSearch>();
  const search = (): TranscriptSearch =>
    Object.fromEntries(TRANSCRIPT_SEARCH_FIELDS.map((field) => [field, searchParams[field]]));
  const page = createAsync(() => searchTranscripts(params.guildId, search()), { deferStream: true });
  // The server cannot know the viewer's zone; once in the browser, transcripts show their times in it.
  const [zone, setZone] = createSignal<string | null>(null);
  onMount(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone));
  const linkTo = (path: string) => (zone() ? `${path}?${new URLSearchParams({ tz: zone() ?? 'UTC' })}` : path);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setSearchParams(
      {
        text: text('text'),
        number: text('number'),
        creator: text('creator'),
        assignee: text('assignee'),
        type: text('type'),
        reason: text('reason'),
        closedAfter: dayStart(text('closedAfter') ?? ''),
        closedBefore: dayStart(text('closedBefore') ?? '', true),
        cursor: undefined,
      },
      { replace: false },
    );
  };

  return (
    <section aria-labelledby="transcripts-title">
      <Title>Transcripts · Ticketflow</Title>
      <h1 id="transcripts-title">Closed tickets</h1>
      <search>
        <form class="settings-form" aria-label="Search closed tickets" onSubmit={submit}>
          <fieldset>
            <legend>Search</legend>
            <div class="field">
              <label for="search-text">Words in the messages</label>
              <input id="search-text" name="text" type="search" maxLength={200} value={search().text ?? ''} />
            </div>
            <div class="field field-number">
              <label for="search-number">Ticket number</label>
              <input id="search-number" name="number" type="number" min={1} value={search().number ?? ''} />
            </div>
            <div class="field">
              <label for="search-creator">Opened by (user id)</label>
              <input id="search-creator" name="creator" inputmode="numeric" value={search().creator ?? ''} />
            </div>
            <div class="field">
              <label for="search-assignee">Assigned to (user id, or none)</label>
              <input id="search-assignee" name="assignee" value={search().assignee ?? ''} />
            </div>
            <div class="field">
              <label for="search-type">Type (its key)</label>
              <input id="search-type" name="type" maxLength={32} value={search().type ?? ''} />
            </div>
            <div class="field">
              <label for="search-reason">Close reason contains</label>
              <input id="search-reason" name="reason" maxLength={100} value={search().reason ?? ''} />
            </div>
            <div class="field">
              <label for="search-after">Closed on or after</label>
              <input id="search-after" name="closedAfter" type="date" value={dayOf(search().closedAfter)} />
            </div>
            <div class="field">
              <label for="search-before">Closed on or before</label>
              <input id="search-before" name="closedBefore" type="date" value={dayOf(search().closedBefore, true)} />
            </div>
            <div class="form-actions">
              <button type="submit" class="button button-primary">
                Search
              </button>
            </div>
          </fieldset>
        </form>
      </search>

      <Show when={page()}>
        {(current) => (
          <Show when={current().transcripts.length > 0} fallback={<p class="empty-state">No closed ticket matches.</p>}>
            <ul class="card-list" aria-label="Closed tickets found">
              <For each={current().transcripts}>
                {(ticket) => (
                  <li class="card">
                    <p class="card-title">
                      <Show when={ticket.transcriptPath} fallback={<>Ticket #{ticket.number} (transcript pending)</>}>
                        {(path) => (
                          <a href={linkTo(path())} rel="external">
                            Ticket #{ticket.number} · {ticket.typeName}
                          </a>
                        )}
                      </Show>
                    </p>
                    <p>
                      Opened by {ticket.creatorName}
                      <Show when={ticket.closedAt}>
                        {(closedAt) => (
                          <>
                            , closed <LocalTime iso={closedAt()} />
                          </>
                        )}
                      </Show>
                      <Show when={ticket.closeReason}>{(reason) => <>: {reason()}</>}</Show>
                    </p>
                    <Show when={ticket.match}>{(match) => <blockquote>{match().excerpt}</blockquote>}</Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={current().nextCursor}>
              {(cursor) => (
                <button type="button" class="button" onClick={() => setSearchParams({ cursor: cursor() })}>
                  Older tickets
                </button>
              )}
            </Show>
          </Show>
        )}
      </Show>
    </section>
  );
}
