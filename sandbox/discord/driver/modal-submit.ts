import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  InteractionType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { InteractionRecord } from '../interactions/interaction-store.ts';
import type { InteractionStart } from '../interactions/start-interaction.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';

export type ModalValues = Record<string, string | string[]>;

interface TextInputView {
  type: ComponentType.TextInput;
  id?: number;
  custom_id: string;
  required?: boolean;
  min_length?: number;
  max_length?: number;
  style?: TextInputStyle;
}

interface StringSelectView {
  type: ComponentType.StringSelect;
  id?: number;
  custom_id: string;
  required?: boolean;
  min_values?: number;
  max_values?: number;
  options: { value: string }[];
}

/**
 * The modal submit a client sends: the values typed into the modal the app showed, checked as Discord's client
 * checks them (required fields, length limits, offered select values), echoing its layout (Label or legacy row).
 */
export function modalSubmitStart(opened: InteractionRecord, userId: string, values: ModalValues): InteractionStart {
  const modal = opened.modal;
  if (!modal) throw new SandboxDriverError(`interaction ${opened.id} did not open a modal`);
  if (opened.userId !== userId) throw new SandboxDriverError('only the user the modal was shown to can submit it');
  if (opened.modalSubmitted) throw new SandboxDriverError('this modal was already submitted');
  const known = inputIds(modal);
  for (const key of Object.keys(values))
    if (!known.includes(key)) throw new SandboxDriverError(`the modal has no input ${key}`);
  const components = modal.components.map((component) => {
    if (component.type === ComponentType.ActionRow) {
      const input = component.components[0] as unknown as TextInputView;
      return { type: ComponentType.ActionRow, components: [textInputValue(input, values[input.custom_id])] };
    }
    if (component.type === ComponentType.Label) {
      const inner = component.component as unknown as TextInputView | StringSelectView;
      const echoed =
        inner.type === ComponentType.TextInput
          ? textInputValue(inner, values[inner.custom_id])
          : selectValues(inner, values[inner.custom_id]);
      return { type: ComponentType.Label, id: component.id, component: echoed };
    }
    return { type: component.type, id: (component as { id?: number }).id };
  });
  return {
    applicationId: opened.applicationId,
    type: InteractionType.ModalSubmit,
    userId,
    channelId: opened.channelId,
    sourceMessageId: opened.sourceMessageId,
    triggeredById: opened.id,
    body: {
      data: { custom_id: modal.custom_id, components },
      ...(opened.sourceMessageId && 'message' in opened.payload ? { message: opened.payload.message } : {}),
    },
  };
}

function inputIds(modal: APIModalInteractionResponseCallbackData): string[] {
  return modal.components.flatMap((component) => {
    if (component.type === ComponentType.ActionRow) return component.components.map((input) => input.custom_id);
    if (component.type === ComponentType.Label && 'custom_id' in component.component)
      return [component.component.custom_id];
    return [];
  });
}

function textInputValue(input: TextInputView, given: string | string[] | undefined) {
  if (Array.isArray(given)) throw new SandboxDriverError(`input ${input.custom_id} takes text, not a list`);
  const value = given ?? '';
  if (input.style === TextInputStyle.Short && value.includes('\n'))
    throw new SandboxDriverError(`input ${input.custom_id} is one line`);
  const required = input.required ?? true;
  if (required && value.length === 0) throw new SandboxDriverError(`input ${input.custom_id} is required`);
  const min = input.min_length ?? 0;
  const max = input.max_length ?? 4000;
  if (value.length > 0 && (value.length < min || value.length > max))
    throw new SandboxDriverError(`input ${input.custom_id} takes ${min}–${max} characters, not ${value.length}`);
  return { type: ComponentType.TextInput, id: input.id, custom_id: input.custom_id, value };
}

function selectValues(select: StringSelectView, given: string | string[] | undefined) {
  const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
  const required = select.required ?? true;
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  if ((required || values.length > 0) && (values.length < min || values.length > max))
    throw new SandboxDriverError(`select ${select.custom_id} takes ${min}–${max} values, not ${values.length}`);
  for (const value of values)
    if (!select.options.some((option) => option.value === value))
      throw new SandboxDriverError(`select ${select.custom_id} does not offer ${value}`);
  return { type: ComponentType.StringSelect, id: select.id, custom_id: select.custom_id, values };
}
