import { For } from 'solid-js';
import type { SettingsChannel } from '../../lib/settings-api.ts';
import { FieldProblem } from './FieldProblem.tsx';
import { fieldId, invalidAttributes, type Problems } from './form-problems.ts';

/** A text channel of the guild, grouped by category as Discord shows them; `none` offers leaving it unset. */
export function ChannelSelect(props: {
  path: string;
  label: string;
  hint: string;
  channels: SettingsChannel[];
  value: string | null;
  none?: string;
  problems: Problems;
  onChange: (channelId: string | null) => void;
}) {
  const groups = () => {
    const byCategory = new Map<string, SettingsChannel[]>();
    for (const channel of props.channels) {
      const key = channel.category ?? '';
      byCategory.set(key, [...(byCategory.get(key) ?? []), channel]);
    }
    return [...byCategory.entries()];
  };
  const known = () => props.value === null || props.channels.some((channel) => channel.id === props.value);
  return (
    <div class="field">
      <label for={fieldId(props.path)}>{props.label}</label>
      <p class="field-hint">{props.hint}</p>
      <select
        id={fieldId(props.path)}
        value={props.value ?? ''}
        onChange={(event) => props.onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
        {...invalidAttributes(props.problems, props.path)}
      >
        <option value="">{props.none ?? 'Choose a channel'}</option>
        {!known() && <option value={props.value ?? ''}>A channel that no longer exists</option>}
        <For each={groups()}>
          {([category, channels]) => (
            <optgroup label={category === '' ? 'No category' : category}>
              <For each={channels}>{(channel) => <option value={channel.id}>#{channel.name}</option>}</For>
            </optgroup>
          )}
        </For>
      </select>
      <FieldProblem problems={props.problems} path={props.path} />
    </div>
  );
}
