import {
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  type APITextInputComponent,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import { CliError } from './sandbox-client.ts';

/** What the CLI needs from the terminal: a line of output, and a line of input (null once input has ended). */
export interface CliIo {
  print(text: string): void;
  ask(prompt: string): Promise<string | null>;
}

type FormField =
  | { kind: 'text'; label: string; input: APITextInputComponent }
  | { kind: 'select'; label: string; input: APIStringSelectComponent };

/** The fields a modal asks, in order: text inputs (legacy rows or Labels) and string selects in Labels. */
function formFields(modal: APIModalInteractionResponseCallbackData): FormField[] {
  return modal.components.flatMap((component): FormField[] => {
    if (component.type === ComponentType.ActionRow) {
      const input = component.components[0] as APITextInputComponent | undefined;
      return input ? [{ kind: 'text', label: input.label ?? input.custom_id, input }] : [];
    }
    if (component.type !== ComponentType.Label) return [];
    const inner = component.component;
    if (inner.type === ComponentType.TextInput) return [{ kind: 'text', label: component.label, input: inner }];
    if (inner.type === ComponentType.StringSelect) return [{ kind: 'select', label: component.label, input: inner }];
    throw new CliError(`the form "${modal.title}" has a ${ComponentType[inner.type]} field, which the CLI cannot fill`);
  });
}

/** Why a value does not fit the field, as the Discord client would say it; null when it fits. */
function problem(field: FormField, value: string): string | null {
  if (field.kind === 'select') {
    const { input } = field;
    const chosen = value ? value.split(',').map((each) => each.trim()) : [];
    const min = input.min_values ?? 1;
    const max = input.max_values ?? 1;
    if (isRequired(field) || chosen.length)
      if (chosen.length < min || chosen.length > max) return `choose ${min === max ? min : `${min} to ${max}`}`;
    const unknown = chosen.find((each) => !optionValue(input, each));
    return unknown ? `"${unknown}" is not one of ${input.options.map((option) => option.label).join(', ')}` : null;
  }
  const { input } = field;
  if (value.length === 0) return isRequired(field) ? 'this field is required' : null;
  if (input.style === TextInputStyle.Short && value.includes('\n')) return 'this field is one line';
  if (input.min_length && value.length < input.min_length) return `at least ${input.min_length} characters`;
  if (input.max_length && value.length > input.max_length) return `at most ${input.max_length} characters`;
  return null;
}

function optionValue(select: APIStringSelectComponent, given: string): string | undefined {
  const wanted = given.toLowerCase();
  return select.options.find((option) => option.value === given || option.label.toLowerCase() === wanted)?.value;
}

function submitted(field: FormField, value: string): string | string[] {
  if (field.kind === 'text') return value;
  return (value ? value.split(',') : []).map((each) => optionValue(field.input, each.trim()) ?? each);
}

function isRequired(field: FormField): boolean {
  return field.input.required ?? true;
}

function hint(field: FormField): string {
  const notes: string[] = [];
  if (field.kind === 'select') notes.push(field.input.options.map((option) => option.label).join(' | '));
  else {
    if (field.input.style === TextInputStyle.Paragraph) notes.push('one line; \\n for a new line');
    if (field.input.max_length) notes.push(`at most ${field.input.max_length} characters`);
  }
  if (!isRequired(field)) notes.push('optional, Enter to skip');
  return notes.length ? ` (${notes.join('; ')})` : '';
}

/** `--answer "Label=value"`: by label (or its unique start), custom id, or field number. */
function givenAnswers(fields: FormField[], answers: string[]): Map<FormField, string> {
  const given = new Map<FormField, string>();
  for (const answer of answers) {
    const split = answer.indexOf('=');
    if (split < 1) throw new CliError(`--answer takes "Question=answer", not "${answer}"`);
    const key = answer.slice(0, split).trim().toLowerCase();
    const byLabel = fields.filter((field) => field.label.toLowerCase().startsWith(key));
    const field =
      fields[Number(key) - 1] ??
      fields.find((each) => each.label.toLowerCase() === key || each.input.custom_id.toLowerCase() === key) ??
      (byLabel.length === 1 ? byLabel[0] : undefined);
    if (!field)
      throw new CliError(
        `the form has no question "${answer.slice(0, split)}"; it asks: ${fields.map((each) => `"${each.label}"`).join(', ')}`,
      );
    given.set(field, answer.slice(split + 1));
  }
  return given;
}

/**
 * Fills the modal the app showed: each field from its `--answer`, else asked on the terminal until the answer
 * fits (required, lengths, offered options). Returns the values by custom id, as the driver's submitModal takes them.
 */
export async function fillModal(
  modal: APIModalInteractionResponseCallbackData,
  answers: string[],
  io: CliIo,
): Promise<Record<string, string | string[]>> {
  const fields = formFields(modal);
  const given = givenAnswers(fields, answers);
  const withNewlines = (field: FormField, text: string) =>
    field.kind === 'text' && field.input.style === TextInputStyle.Paragraph ? text.replaceAll('\\n', '\n') : text;
  for (const [field, value] of given) {
    const why = problem(field, withNewlines(field, value));
    if (why) throw new CliError(`--answer "${field.label}": ${why}`);
  }
  io.print(`The bot shows a form: ${modal.title}`);
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    let value = given.get(field);
    if (value === undefined) {
      for (;;) {
        const line = await io.ask(`${field.label}${hint(field)}: `);
        if (line === null) {
          // No terminal (or input ended): an optional question is left empty, as Enter would leave it.
          if (!isRequired(field)) {
            io.print(`  (left empty)`);
            value = '';
            break;
          }
          throw new CliError(
            `the form asks "${field.label}", which is required, and there is no terminal to answer it on; ` +
              `give it with --answer "${field.label}=..."`,
          );
        }
        const why = problem(field, withNewlines(field, line));
        if (!why) {
          value = line;
          break;
        }
        io.print(`  ${why}`);
      }
    }
    values[field.input.custom_id] = submitted(field, withNewlines(field, value));
  }
  return values;
}
