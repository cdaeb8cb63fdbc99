import { For, Show } from 'solid-js';
import type { ApiProblem } from '../../lib/api.ts';

/** A form's problems as the API named them, by field: what the fields show under themselves. */
export function problemOf(problems: readonly ApiProblem[] | undefined, path: string): string | undefined {
  return problems?.find((problem) => problem.path === path)?.message;
}

/** The problem under one field, which the field names in aria-describedby (`${id}-problem`). */
export function FieldProblem(props: { id: string; message: string | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <p class="field-problem" id={`${props.id}-problem`}>
          {message()}
        </p>
      )}
    </Show>
  );
}

/** What ties an input to its problem, when it has one. */
export function describedBy(id: string, message: string | undefined) {
  return message === undefined ? {} : { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem` };
}

/** Problems of fields the form does not have (the whole request), listed at its top. */
export function OtherProblems(props: { problems: readonly ApiProblem[] | undefined; fields: readonly string[] }) {
  const others = () => (props.problems ?? []).filter((problem) => !props.fields.includes(problem.path));
  return (
    <Show when={others().length > 0}>
      <div class="notice notice-error" role="alert">
        <ul>
          <For each={others()}>
            {(problem) => (
              <li>
                {problem.path}: {problem.message}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  );
}
