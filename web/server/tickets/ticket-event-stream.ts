import type { ServerResponse } from 'node:http';
import type { PrismaClient } from '../../../prisma/client.ts';
import type { TicketChangeExpiry, TicketChangeFeed } from '../../../store/ticket-change-feed.ts';
import type { TicketChange } from '../../../store/ticket-change-log.ts';
import { readTicketEvent, readTicketMessage, readTicketSummary } from '../../../store/ticket-detail.ts';

/** A comment line this often keeps proxies and the browser from taking a quiet stream for a dead one. */
const HEARTBEAT_MS = 15_000;
/** How soon a browser reconnects after the stream drops (it then sends Last-Event-ID). */
const RECONNECT_MS = 1_000;
/** Change payloads kept for streams that deliver the same change (many browsers on one ticket): read once. */
const PAYLOAD_MEMO_SIZE = 2_000;

/** What a stream delivers: a guild's list wants tickets; a ticket's page also its messages and timeline. */
export type StreamScope = 'list' | 'ticket';

export interface TicketStreamRequest {
  guildId: string;
  scope: StreamScope;
  /** Resume after this change id (Last-Event-ID, or the `changeId` the page's data was read at). */
  afterId?: number;
  /** Only this ticket's changes. */
  ticketId?: string;
  /** Only changes of tickets this member opened. */
  creatorId?: string;
}

type Payload = { event: 'ticket' | 'message' | 'event'; data: unknown } | null;

/**
 * Server-Sent Events of a guild's ticket changes, fed by the process's one change feed: each change is one event
 * whose `id:` is the change id and whose data is the changed row as the API shows it (`ticket`, `message` or
 * `event`), so a page applies it without asking again. An id that cannot be resumed from gets an `expired` event and
 * the stream ends: the page reloads its data and opens a new stream from the `changeId` it came with.
 */
export function createTicketEventStreams(options: { feed: TicketChangeFeed; prisma: PrismaClient }) {
  const memo = new Map<number, Promise<Payload>>();
  const open = new Set<() => void>();

  const payloadOf = (change: TicketChange): Promise<Payload> => {
    let payload = memo.get(change.id);
    if (!payload) {
      payload = readPayload(options.prisma, change);
      memo.set(change.id, payload);
      // Maps keep insertion order: the first keys are the oldest changes.
      for (const oldest of memo.keys()) {
        if (memo.size <= PAYLOAD_MEMO_SIZE) break;
        memo.delete(oldest);
      }
      payload.catch(() => memo.delete(change.id));
    }
    return payload;
  };

  return {
    /** Takes over the response until the browser leaves, the id expires or the process stops. */
    serve(response: ServerResponse, request: TicketStreamRequest): void {
      let ended = false;
      let queue = Promise.resolve();
      const wanted = (change: TicketChange) => request.scope === 'ticket' || change.kind.startsWith('ticket_');
      // Subscribed first: bad input throws here (an InputError, answered 400) before the stream is answered.
      const subscription = options.feed.subscribe(request.guildId, {
        afterId: request.afterId,
        ticketId: request.ticketId,
        creatorId: request.creatorId,
        onChange: (change) => {
          if (!wanted(change)) return;
          // In order: each change is written after the one before it, whatever its read takes.
          queue = queue
            .then(async () => {
              const payload = await payloadOf(change);
              if (ended || !payload) return;
              response.write(`id: ${change.id}\nevent: ${payload.event}\ndata: ${JSON.stringify(payload.data)}\n\n`);
            })
            .catch(() => end());
        },
        onExpired: (expiry: TicketChangeExpiry) => {
          queue = queue.then(() => {
            if (ended) return;
            response.write(`event: expired\ndata: ${JSON.stringify({ reason: expiry.reason })}\n\n`);
            end();
          });
        },
      });
      const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      function end() {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        subscription.close();
        open.delete(end);
        response.end();
      }
      open.add(end);
      response.on('close', end);
      subscription.ready.catch(() => end());
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // nginx and similar proxies would otherwise hold events back in their buffers.
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      response.write(`retry: ${RECONNECT_MS}\n\n`);
    },
    /** Ends every open stream: the process is stopping (browsers reconnect to another). */
    closeAll(): void {
      for (const end of [...open]) end();
    },
  };
}

export type TicketEventStreams = ReturnType<typeof createTicketEventStreams>;

async function readPayload(prisma: PrismaClient, change: TicketChange): Promise<Payload> {
  switch (change.kind) {
    case 'ticket_created':
    case 'ticket_updated': {
      const ticket = await readTicketSummary(prisma, change.guildId, change.ticketId);
      return ticket && { event: 'ticket', data: publicSummary(ticket) };
    }
    case 'message_created':
    case 'message_edited':
    case 'message_deleted': {
      const message = await readTicketMessage(prisma, change.guildId, change.subjectId);
      return message && { event: 'message', data: { ticketId: change.ticketId, ...message } };
    }
    case 'event_added': {
      const event = await readTicketEvent(prisma, change.guildId, change.subjectId);
      return event && { event: 'event', data: { ticketId: change.ticketId, ...event } };
    }
  }
}

/** The list's row without what only the server needs (the workflow id). */
function publicSummary<T extends { workflowId: string }>(ticket: T): Omit<T, 'workflowId'> {
  const { workflowId: _workflowId, ...rest } = ticket;
  return rest;
}
