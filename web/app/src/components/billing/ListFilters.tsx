import { useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { ApiProblem } from '../../lib/api.ts';

export type FilterField = { name: string; label: string; options?: readonly string[]; hint?: string };

/**
 * An admin list's filters, kept in the page's address (so a filtered list can be linked and reloaded) and sent to
 * the API as they are; what the API refuses is listed under the form, which stays to fix them.
 */
export function ListFilters(props: { label: string; fields: FilterField[]; refused?: ApiProblem[] }) {
  const [searchParams, setSearchParams] = useSearchParams<Record<string, string>>();
  const id = (name: string) => `filter-${name}`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const next: Record<string, string | undefined> = { cursor: undefined };
    for (const field of props.fields) next[field.name] = String(form.get(field.name) ?? '').trim() || undefined;
    setSearchParams(next);
  };
  return (
    <search>
      <form class="settings-form admin-filters" aria-label={props.label} onSubmit={submit}>
        <fieldset>
          <legend>Filters</legend>
          <For each={props.fields}>
            {(field) => (
              <div class="field">
                <label for={id(field.name)}>{field.label}</label>
                <Show
                  when={field.options}
                  fallback={
                    <input
                      id={id(field.name)}
                      name={field.name}
                      value={searchParams[field.name] ?? ''}
                      placeholder={field.hint}
                    />
                  }
                >
                  {(options) => (
                    <select id={id(field.name)} name={field.name} value={searchParams[field.name] ?? ''}>
                      <option value="">Any</option>
                      <For each={options()}>{(option) => <option value={option}>{option}</option>}</For>
                    </select>
                  )}
                </Show>
              </div>
            )}
          </For>
          <div class="form-actions">
            <button type="submit" class="button button-primary">
              Show
            </button>
          </div>
        </fieldset>
      </form>
      <Show when={props.refused?.length}>
        <div class="notice notice-error" role="alert">
          <p>These filters were refused:</p>
          <ul>
            <For each={props.refused}>
              {(problem) => (
                <li>
                  {problem.path}: {problem.message}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </search>
  );
}

/** Back to the first page, and on to the next one when the API says there is one. */
export function ListPager(props: { nextCursor: string | null }) {
  const [searchParams, setSearchParams] = useSearchParams<Record<string, string>>();
  return (
    <div class="pager">
      <Show when={searchParams.cursor}>
        <button type="button" class="button" onClick={() => setSearchParams({ cursor: undefined })}>
          First page
        </button>
      </Show>
      <Show when={props.nextCursor}>
        {(cursor) => (
          <button type="button" class="button" onClick={() => setSearchParams({ cursor: cursor() })}>
            Next page
          </button>
        )}
      </Show>
    </div>
  );
}

/** The filters of a list as the page's address has them, for its query. */
export function useListFilters(names: readonly string[]): () => Record<string, string | undefined> {
  const [searchParams] = useSearchParams<Record<string, string>>();
  return () => Object.fromEntries([...names, 'cursor'].map((name) => [name, searchParams[name]]));
}
