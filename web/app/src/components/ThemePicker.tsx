import { createSignal } from 'solid-js';
import { applyThemeChoice, currentThemeChoice, type ThemeChoice, themeChoices } from '../lib/theme.ts';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemePicker() {
  const [choice, setChoice] = createSignal<ThemeChoice>(currentThemeChoice());
  return (
    <label class="theme-picker">
      <span>Theme</span>
      <select
        value={choice()}
        onChange={(event) => {
          const next = event.currentTarget.value as ThemeChoice;
          setChoice(next);
          applyThemeChoice(next);
        }}
      >
        {themeChoices.map((option) => (
          <option value={option} selected={option === choice()}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
