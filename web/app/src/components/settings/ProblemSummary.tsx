import { For, Show } from 'solid-js';
import { fieldId, type Problems } from './form-problems.ts';

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
                <a href={`#${fieldId(path)}`}>
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
