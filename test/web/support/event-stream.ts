export interface StreamEvent {
  id: string | null;
  event: string;
  data: unknown;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface EventStream {
  response: Response;
  /** Every event so far, in order of arrival. */
  events: StreamEvent[];
  ended(): boolean;
  close(): Promise<void>;
}

/**
 * A browser's EventSource, reduced to what tests and benchmarks read: the events as they arrive, parsed. `request`
 * sends the GET (with the caller's cookie) given the signal and headers to add; `onEvent` sees each event as it
 * comes.
 */
export async function openEventStream(
  request: (init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>,
  lastEventId?: string,
  onEvent?: (event: StreamEvent) => void,
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await request({
    signal: controller.signal,
    headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
  });
  const events: StreamEvent[] = [];
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body) {
        buffered += decoder.decode(chunk, { stream: true });
        let cut = buffered.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffered.slice(0, cut);
          buffered = buffered.slice(cut + 2);
          const fields = new Map(
            block
              .split('\n')
              .filter((line) => line && !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)] as const),
          );
          if (fields.has('data')) {
            const event = {
              id: fields.get('id') ?? null,
              event: fields.get('event') ?? 'message',
              data: JSON.parse(fields.get('data') ?? 'null'),
              at: Date.now(),
            };
            events.push(event);
            onEvent?.(event);
          }
          cut = buffered.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
    ended = true;
  })();
  return {
    response,
    events,
    ended: () => ended,
    async close() {
      controller.abort();
      await reading;
    },
  };
}
