import { Show } from 'solid-js';
import { fieldId, type Problems } from './form-problems.ts';

/** A field's problem under it, named by the input's aria-describedby. */
export function FieldProblem(props: { problems: Problems; path: string }) {
  return (
    <Show when={props.problems[props.path]}>
      {(message) => (
        <p class="field-problem" id={`${fieldId(props.path)}-problem`}>
          {message()}
        </p>
      )}
    </Show>
  );
}
