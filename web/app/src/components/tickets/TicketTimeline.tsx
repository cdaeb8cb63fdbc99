import { For } from 'solid-js';
import type { TicketEvent } from '../../lib/ticket-api.ts';
import { LocalTime } from '../LocalTime.tsx';
import { eventWords } from './ticket-words.ts';

/** What happened to the ticket, oldest first. `nameOf` names a Discord user where the page knows them. */
export function TicketTimeline(props: { events: TicketEvent[]; nameOf: (id: string | null) => string }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol class="timeline">
        <For each={props.events}>
          {(event) => (
            <li>
              <LocalTime iso={event.at} />: {eventWords(event.kind, props.nameOf(event.actorId), event.data)}
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
