import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import {
  type GuildConfig,
  GUILD_CONFIG_LIMITS as LIMITS,
  type TicketQuestion,
} from '../../../../../domain/guild-config.ts';
import { routingModeSchema } from '../../../../../domain/routing.ts';
import { FieldProblem } from './FieldProblem.tsx';
import { NumberField, TextField } from './Fields.tsx';
import { fieldId, invalidAttributes, type Problems } from './form-problems.ts';

export const NEW_QUESTION: TicketQuestion = {
  label: '',
  style: 'paragraph',
  required: true,
  minLength: 0,
  maxLength: 1000,
};

type Props = {
  index: number;
  draft: GuildConfig;
  setDraft: SetStoreFunction<GuildConfig>;
  problems: Problems;
};

function QuestionEditor(props: Props & { question: number }) {
  const path = (field: string) => `ticketTypes.${props.index}.questions.${props.question}.${field}`;
  const current = () => props.draft.ticketTypes[props.index]?.questions[props.question] ?? NEW_QUESTION;
  const set = <K extends keyof TicketQuestion>(field: K, value: TicketQuestion[K]) =>
    props.setDraft('ticketTypes', props.index, 'questions', props.question, field, value);
  return (
    <fieldset class="question">
      <legend>Question {props.question + 1}</legend>
      <TextField
        path={path('label')}
        label="Question"
        hint={`Up to ${LIMITS.questionLabelLength} characters: Discord's limit for a form's label.`}
        value={current().label}
        maxLength={LIMITS.questionLabelLength}
        required
        problems={props.problems}
        onInput={(value) => set('label', value)}
      />
      <TextField
        path={path('placeholder')}
        label="Placeholder (optional)"
        value={current().placeholder ?? ''}
        maxLength={LIMITS.questionPlaceholderLength}
        problems={props.problems}
        onInput={(value) => set('placeholder', value === '' ? undefined : value)}
      />
      <div class="field">
        <label for={fieldId(path('style'))}>Answer</label>
        <select
          id={fieldId(path('style'))}
          value={current().style}
          onChange={(event) => set('style', event.currentTarget.value === 'short' ? 'short' : 'paragraph')}
        >
          <option value="paragraph">A paragraph</option>
          <option value="short">One line</option>
        </select>
      </div>
      <div class="field field-check">
        <input
          id={fieldId(path('required'))}
          type="checkbox"
          checked={current().required}
          onChange={(event) => set('required', event.currentTarget.checked)}
        />
        <label for={fieldId(path('required'))}>Must be answered</label>
      </div>
      <NumberField
        path={path('minLength')}
        label="Shortest answer (characters)"
        value={current().minLength}
        min={0}
        max={LIMITS.answerLength}
        problems={props.problems}
        onInput={(value) => set('minLength', value)}
      />
      <NumberField
        path={path('maxLength')}
        label="Longest answer (characters)"
        value={current().maxLength}
        min={1}
        max={LIMITS.answerLength}
        problems={props.problems}
        onInput={(value) => set('maxLength', value)}
      />
      <button
        type="button"
        class="button button-quiet"
        onClick={() =>
          props.setDraft('ticketTypes', props.index, 'questions', (questions) =>
            questions.filter((_, position) => position !== props.question),
          )
        }
      >
        Remove question {props.question + 1}
      </button>
    </fieldset>
  );
}

/** One ticket type: what members see on the panel, and the questions Discord's form asks them (at most five). */
export function TicketTypeEditor(props: Props) {
  const path = (field: string) => `ticketTypes.${props.index}.${field}`;
  const type = () => props.draft.ticketTypes[props.index];
  const full = () => (type()?.questions.length ?? 0) >= LIMITS.questionsPerType;
  return (
    <Show when={type()}>
      {(current) => (
        <fieldset class="ticket-type">
          <legend>{current().name || `Ticket type ${props.index + 1}`}</legend>
          <TextField
            path={path('key')}
            label="Key"
            hint="How commands and links name it: lowercase letters, digits and dashes, up to 32."
            value={current().key}
            maxLength={LIMITS.ticketTypeKeyLength}
            pattern="[a-z0-9][a-z0-9\-]{0,31}"
            required
            problems={props.problems}
            onInput={(value) => props.setDraft('ticketTypes', props.index, 'key', value)}
          />
          <TextField
            path={path('name')}
            label="Name"
            hint={`Shown on the panel and in /ticket open, up to ${LIMITS.ticketTypeNameLength} characters.`}
            value={current().name}
            maxLength={LIMITS.ticketTypeNameLength}
            required
            problems={props.problems}
            onInput={(value) => props.setDraft('ticketTypes', props.index, 'name', value)}
          />
          <TextField
            path={path('description')}
            label="Description"
            value={current().description}
            maxLength={LIMITS.ticketTypeDescriptionLength}
            problems={props.problems}
            onInput={(value) => props.setDraft('ticketTypes', props.index, 'description', value)}
          />
          <TextField
            path={path('emoji')}
            label="Emoji (optional)"
            value={current().emoji ?? ''}
            maxLength={LIMITS.ticketTypeEmojiLength}
            problems={props.problems}
            onInput={(value) => props.setDraft('ticketTypes', props.index, 'emoji', value === '' ? undefined : value)}
          />
          <TextField
            path={path('openingMessage')}
            label="Opening message"
            hint={`Posted in the ticket's thread when it opens, up to ${LIMITS.openingMessageLength.toLocaleString('en')} characters.`}
            value={current().openingMessage}
            maxLength={LIMITS.openingMessageLength}
            multiline
            problems={props.problems}
            onInput={(value) => props.setDraft('ticketTypes', props.index, 'openingMessage', value)}
          />
          <NumberField
            path={path('openLimit')}
            label="Open tickets of this type one member may have"
            value={current().openLimit}
            min={LIMITS.openLimitPerType.min}
            max={LIMITS.openLimitPerType.max}
            problems={props.problems}
            onInput={(value) => props.setDraft('ticketTypes', props.index, 'openLimit', value)}
          />
          <div class="field">
            <label for={fieldId(path('mode'))}>Tickets open as</label>
            <p class="field-hint">
              Private channels open in the server's ticket categories, the first with room (Discord allows 50 channels
              in one); set them with /ticket-config categories. Open tickets stay where they are.
            </p>
            <select
              id={fieldId(path('mode'))}
              value={current().mode}
              onChange={(event) =>
                props.setDraft(
                  'ticketTypes',
                  props.index,
                  'mode',
                  event.currentTarget.value === 'channel' ? 'channel' : 'thread',
                )
              }
              {...invalidAttributes(props.problems, path('mode'))}
            >
              <option value="thread">Private threads of the ticket channel</option>
              <option value="channel">Private channels in the ticket categories</option>
            </select>
            <FieldProblem problems={props.problems} path={path('mode')} />
          </div>
          <div class="field">
            <label for={fieldId(path('routing'))}>New tickets are assigned</label>
            <p class="field-hint">
              Among the staff of the type who are available (/ticket away state:off, within their own hours); when
              nobody is, the ticket stays unassigned and the notification role is pinged.
            </p>
            <select
              id={fieldId(path('routing'))}
              value={current().routing}
              onChange={(event) =>
                props.setDraft(
                  'ticketTypes',
                  props.index,
                  'routing',
                  routingModeSchema.parse(event.currentTarget.value),
                )
              }
              {...invalidAttributes(props.problems, path('routing'))}
            >
              <option value="off">By staff claiming them</option>
              <option value="round_robin">In turn (round robin)</option>
              <option value="least_open">To whoever has the fewest open tickets</option>
            </select>
            <FieldProblem problems={props.problems} path={path('routing')} />
          </div>
          <div class="questions" id={fieldId(path('questions'))} tabindex="-1">
            <h3>Questions</h3>
            <FieldProblem problems={props.problems} path={path('questions')} />
            <Show when={current().questions.length === 0}>
              <p class="field-hint">No questions: members open this type without a form.</p>
            </Show>
            <For each={current().questions}>{(_, question) => <QuestionEditor {...props} question={question()} />}</For>
            <button
              type="button"
              class="button"
              disabled={full()}
              aria-describedby={full() ? `${fieldId(path('questions'))}-full` : undefined}
              onClick={() =>
                props.setDraft('ticketTypes', props.index, 'questions', (questions) => [
                  ...questions,
                  { ...NEW_QUESTION },
                ])
              }
            >
              Add a question
            </button>
            <Show when={full()}>
              <p class="field-hint" id={`${fieldId(path('questions'))}-full`}>
                A Discord form holds at most {LIMITS.questionsPerType} questions.
              </p>
            </Show>
          </div>
          <button
            type="button"
            class="button button-quiet"
            disabled={props.draft.ticketTypes.length === 1}
            onClick={() =>
              props.setDraft('ticketTypes', (types) => types.filter((_, position) => position !== props.index))
            }
          >
            Remove the type {current().name || current().key}
          </button>
        </fieldset>
      )}
    </Show>
  );
}
