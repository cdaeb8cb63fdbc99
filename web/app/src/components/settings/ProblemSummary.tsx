import { For, Show } from 'solid-js';
import { fieldId, type Problems } from './form-problems.ts';

/**
 * Where a problem's link leads: its field, or the nearest part of the form that holds it (`staffRoleIds.1` is one of
 * the staff role checkboxes, shown as the group). The summary is only shown in the browser, after a save.
 */
function targetOf(path: string): string {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const id = fieldId(parts.slice(0, length).join('.'));
    if (document.getElementById(id)) return id;
  }
  return fieldId(path);
}

/** Every problem at the top of the form, each a link to its field, announced and focused when the save is refused. */
export function ProblemSummary(props: { problems: Problems; ref?: (element: HTMLDivElement) => void }) {
  const entries = () => Object.entries(props.problems);
  return (
    <Show when={entries().length > 0}>
      <div class="notice notice-error" role="alert" tabindex="-1" ref={props.ref}>
        <p>
          <strong>Nothing was saved.</strong> Fix {entries().length === 1 ? 'this' : 'these'} first:
        </p>
        <ul>
          <For each={entries()}>
            {([path, message]) => (
              <li>
                <a href={`#${targetOf(path)}`}>
                  {path}: {message}
                </a>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
