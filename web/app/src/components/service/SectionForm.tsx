import { revalidate } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import type { GuildConfig } from '../../../../../domain/guild-config.ts';
import {
  type GuildConfigSection,
  type GuildConfigSectionBody,
  guildConfigSectionSchemas,
} from '../../../../../domain/guild-config-sections.ts';
import { getGuildSettings, type SaveFollowUps, saveGuildSettingsSection } from '../../lib/settings-api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { type Problems, problemsFrom, problemsOfZod } from '../settings/form-problems.ts';
import { ProblemSummary } from '../settings/ProblemSummary.tsx';

/** Saving one part of the settings: its problems by field, whether it is saving, and what the last save said. */
export function createSectionSave<Section extends GuildConfigSection>(guildId: () => string, section: Section) {
  const [problems, setProblems] = createSignal<Problems>({});
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  let summary: HTMLDivElement | undefined;
  const refuse = (found: Problems) => {
    setProblems(found);
    queueMicrotask(() => summary?.focus());
  };

  /**
   * Checks the part in the browser with the server's own schema (the bot's rules), then sends it; `found` are problems
   * the page found first (text it could not read); `onSaved` gets the configuration as stored.
   */
  async function save(body: unknown, onSaved: (config: GuildConfig) => void, found: Problems = {}): Promise<void> {
    setSaved(null);
    setFailure(null);
    if (Object.keys(found).length > 0) return refuse(found);
    const checked = guildConfigSectionSchemas[section].safeParse(body);
    if (!checked.success) return refuse(problemsOfZod(checked.error));
    setSaving(true);
    try {
      const outcome = await saveGuildSettingsSection(
        guildId(),
        section,
        checked.data as GuildConfigSectionBody<Section>,
      );
      if ('problems' in outcome) return refuse(problemsFrom(outcome.problems));
      setProblems({});
      onSaved(outcome.saved);
      setSaved(savedWords(outcome.followUps));
      await revalidate(getGuildSettings.key);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  return { problems, saving, saved, failure, save, summaryRef: (element: HTMLDivElement) => (summary = element) };
}

export type SectionSave = ReturnType<typeof createSectionSave<GuildConfigSection>>;

function savedWords(followUps: SaveFollowUps): string {
  return followUps.openTickets === 'failed'
    ? 'Saved. Open tickets could not be told right away; they pick the change up on their next retry.'
    : 'Saved. Open tickets follow the change.';
}

/** One editor on the page: its own heading, problems, fields and Save button, named by its heading. */
export function SectionForm(props: {
  id: string;
  title: string;
  intro: JSX.Element;
  state: SectionSave;
  onSubmit: () => void;
  children: JSX.Element;
}) {
  return (
    <form
      class="settings-form service-section"
      aria-labelledby={`${props.id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p class="field-hint">{props.intro}</p>
      <ProblemSummary problems={props.state.problems()} ref={props.state.summaryRef} />
      {props.children}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={props.state.saving()}>
          {props.state.saving() ? 'Saving…' : `Save ${props.title.toLowerCase()}`}
        </button>
        <p role="status" class="save-status">
          {props.state.saved() ?? ''}
        </p>
      </div>
      <Show when={props.state.failure()}>{(error) => <ErrorNotice error={error()} />}</Show>
    </form>
  );
}
