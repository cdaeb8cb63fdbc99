import { onCleanup, onMount } from 'solid-js';

/** The events a ticket stream sends (web/server/tickets/ticket-event-stream.ts). */
const CHANGE_EVENTS = ['ticket', 'message', 'event'] as const;

/** Changes that come in a burst (a reply: its message, its timeline entry, the ticket's activity) redraw once. */
const COALESCE_MS = 30;

/**
 * Follows a live ticket stream from the browser, nothing polled: `path` opened after `changeId()` (the change the
 * page's data was read at); each change calls `refresh`, which reloads the page's data. The browser reconnects by
 * itself with Last-Event-ID; when the server says the id is too old (`expired`), the data is reloaded and the stream
 * opened again after its new changeId.
 */
export function followTicketStream(options: {
  path: () => string;
  changeId: () => number | undefined;
  refresh: () => Promise<unknown>;
}): void {
  onMount(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const open = () => {
      const after = options.changeId();
      if (stopped || after === undefined) return;
      source = new EventSource(`${options.path()}?after=${after}`);
      for (const name of CHANGE_EVENTS) {
        source.addEventListener(name, () => {
          clearTimeout(timer);
          timer = setTimeout(() => void options.refresh(), COALESCE_MS);
        });
      }
      source.addEventListener('expired', () => {
        source?.close();
        void options.refresh().then(open);
      });
    };
    open();
    onCleanup(() => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    });
  });
}
