import { Show } from 'solid-js';
import { FieldProblem } from './FieldProblem.tsx';
import { fieldId, invalidAttributes, type Problems } from './form-problems.ts';

/** A labelled text input (or text area) with its limit, its hint and its problem. */
export function TextField(props: {
  path: string;
  label: string;
  value: string;
  maxLength: number;
  problems: Problems;
  hint?: string;
  multiline?: boolean;
  pattern?: string;
  required?: boolean;
  onInput: (value: string) => void;
}) {
  const common = () => ({
    id: fieldId(props.path),
    maxLength: props.maxLength,
    required: props.required,
    ...invalidAttributes(props.problems, props.path),
  });
  return (
    <div class="field">
      <label for={fieldId(props.path)}>{props.label}</label>
      <Show when={props.hint}>{(hint) => <p class="field-hint">{hint()}</p>}</Show>
      <Show
        when={props.multiline}
        fallback={
          <input
            type="text"
            {...common()}
            pattern={props.pattern}
            value={props.value}
            onInput={(event) => props.onInput(event.currentTarget.value)}
          />
        }
      >
        <textarea
          {...common()}
          rows={3}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      </Show>
      <FieldProblem problems={props.problems} path={props.path} />
    </div>
  );
}

/** A labelled whole-number input within its range, with its hint and its problem. */
export function NumberField(props: {
  path: string;
  label: string;
  value: number;
  min: number;
  max: number;
  problems: Problems;
  hint?: string;
  onInput: (value: number) => void;
}) {
  return (
    <div class="field field-number">
      <label for={fieldId(props.path)}>{props.label}</label>
      <Show when={props.hint}>{(hint) => <p class="field-hint">{hint()}</p>}</Show>
      <input
        id={fieldId(props.path)}
        type="number"
        inputmode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.valueAsNumber)}
        {...invalidAttributes(props.problems, props.path)}
      />
      <FieldProblem problems={props.problems} path={props.path} />
    </div>
  );
}
