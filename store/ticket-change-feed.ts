import pg from 'pg';
import { z } from 'zod';
import { snowflake } from '../domain/snowflake.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { Logger } from '../telemetry/logger.ts';
import { InputError, zodProblems } from './input-error.ts';
import {
  latestChangeId,
  prunedThrough,
  pruneTicketChanges,
  readTicketChanges,
  TICKET_CHANGE_RETENTION_MS,
  type TicketChange,
} from './ticket-change-log.ts';

/** The channel the change triggers notify, with the guild id as payload. */
export const TICKET_CHANGE_CHANNEL = 'ticket_change';

const READ_BATCH = 500;

export interface TicketChangeFeedOptions {
  /** For the one LISTEN connection; the feed reads the changes themselves through `prisma`. */
  connectionString: string;
  prisma: PrismaClient;
  logger: Logger;
  /** First wait before reconnecting a lost LISTEN connection; doubles up to 5 s. */
  reconnectDelayMs?: number;
  /**
   * How often this process deletes changes older than TICKET_CHANGE_RETENTION_MS (default hourly, and once at
   * start); every process running a feed does, which is harmless. 0 leaves pruning to someone else.
   */
  pruneIntervalMs?: number;
}

export interface TicketChangeExpiry {
  /** The id the subscription asked to resume after. */
  afterId: number;
  /** 'pruned': changes after it may be gone (older than what is kept); 'unknown': no such change was recorded. */
  reason: 'pruned' | 'unknown';
}

export interface TicketChangeSubscriptionOptions {
  /** Resume after this change (a Last-Event-ID, or latestChangeId read before the page); default: from now. */
  afterId?: number;
  /** Only this ticket's changes. */
  ticketId?: string;
  /** Only changes of tickets this member opened: what a member who is not staff may see. */
  creatorId?: string;
  /** Called once per change, in id order, never twice for one id. */
  onChange: (change: TicketChange) => void;
  /** afterId cannot be resumed from; nothing more is delivered, the client should reload and subscribe anew. */
  onExpired: (expiry: TicketChangeExpiry) => void;
}

export interface TicketChangeSubscription {
  /** Settles when the subscription caught up with the changes after afterId and is live (or expired). */
  ready: Promise<void>;
  close(): void;
}

export interface TicketChangeFeed {
  /** Validates its input (InputError naming the field), then delivers the guild's changes as they commit. */
  subscribe(guildId: string, options: TicketChangeSubscriptionOptions): TicketChangeSubscription;
  /** Whether the LISTEN connection is up (for a readiness check). */
  readonly listening: boolean;
  close(): Promise<void>;
}

const subscriptionSchema = z.object({
  guildId: snowflake,
  afterId: z.number().int().nonnegative().optional(),
  ticketId: z.uuid().optional(),
  creatorId: snowflake.optional(),
});

interface Subscriber {
  options: TicketChangeSubscriptionOptions;
  /** Changes up to this id were delivered or passed over. */
  cursor: number;
  /** false until its catch-up ran: the guild's reads skip it until then. */
  live: boolean;
  closed: boolean;
}

interface GuildStream {
  guildId: string;
  /** Changes up to this id were read for the live subscribers; null until the first subscriber's turn. */
  cursor: number | null;
  subscribers: Set<Subscriber>;
  /** Every read of this guild's changes runs in this chain, one after the other. */
  queue: Promise<void>;
  readQueued: boolean;
}

/**
 * The process's one LISTEN connection on the ticket_change channel, shared by every live stream it serves.
 * A notification says only which guild changed; the changes themselves are read from ticket_change after the
 * guild's cursor, once for all of the guild's subscribers, so a lost notification (a reconnect) loses nothing:
 * after reconnecting, every guild is read again from its cursor.
 */
export async function startTicketChangeFeed(options: TicketChangeFeedOptions): Promise<TicketChangeFeed> {
  const { prisma, logger } = options;
  const firstDelay = options.reconnectDelayMs ?? 100;
  const guilds = new Map<string, GuildStream>();
  let client: pg.Client | null = null;
  let stopped = false;
  let listening = false;
  let reconnectTimer: NodeJS.Timeout | null = null;

  /** Runs `work` after the guild's earlier reads; the chain goes on when it fails, the returned promise rejects. */
  const enqueue = (stream: GuildStream, work: () => Promise<void>): Promise<void> => {
    const run = stream.queue.then(work);
    stream.queue = run.catch(() => {});
    return run;
  };

  const deliver = (subscriber: Subscriber, change: TicketChange) => {
    if (subscriber.closed || change.id <= subscriber.cursor) return;
    subscriber.cursor = change.id;
    const { ticketId, creatorId } = subscriber.options;
    if (ticketId !== undefined && change.ticketId !== ticketId) return;
    if (creatorId !== undefined && change.creatorId !== creatorId) return;
    try {
      subscriber.options.onChange(change);
    } catch (error) {
      logger.error({ err: error, guildId: change.guildId, changeId: change.id }, 'a ticket change subscriber failed');
    }
  };

  /** Reads the guild's changes past its cursor and hands each to the live subscribers. */
  const readNew = (stream: GuildStream) => {
    if (stream.readQueued) return;
    stream.readQueued = true;
    enqueue(stream, async () => {
      stream.readQueued = false;
      if (stream.cursor === null) return;
      for (;;) {
        const changes = await readTicketChanges(prisma, stream.guildId, stream.cursor, READ_BATCH);
        for (const change of changes) {
          for (const subscriber of stream.subscribers) if (subscriber.live) deliver(subscriber, change);
          stream.cursor = change.id;
        }
        if (changes.length < READ_BATCH) return;
      }
    }).catch((error: unknown) => {
      // No notification may come to retry it, so the read is tried again while the guild has subscribers.
      logger.error({ err: error, guildId: stream.guildId }, 'reading ticket changes failed; retrying in 1 s');
      setTimeout(() => {
        if (!stopped && guilds.get(stream.guildId) === stream) readNew(stream);
      }, 1_000).unref();
    });
  };

  const expire = (subscriber: Subscriber, stream: GuildStream, expiry: TicketChangeExpiry) => {
    remove(subscriber, stream);
    try {
      subscriber.options.onExpired(expiry);
    } catch (error) {
      logger.error({ err: error, guildId: stream.guildId }, 'a ticket change subscriber failed');
    }
  };

  const remove = (subscriber: Subscriber, stream: GuildStream) => {
    subscriber.closed = true;
    stream.subscribers.delete(subscriber);
    if (stream.subscribers.size === 0 && guilds.get(stream.guildId) === stream) guilds.delete(stream.guildId);
  };

  /** A new subscriber's turn: the changes between its afterId and the guild's cursor, then it is live. */
  const catchUp = async (subscriber: Subscriber, stream: GuildStream) => {
    if (subscriber.closed) return;
    if (stream.cursor === null) stream.cursor = await latestChangeId(prisma, stream.guildId);
    const { afterId } = subscriber.options;
    if (afterId !== undefined) {
      if (afterId < (await prunedThrough(prisma))) return expire(subscriber, stream, { afterId, reason: 'pruned' });
      // Ahead of this process's cursor is fine (another process may have read further), ahead of the database not.
      if (afterId > stream.cursor && afterId > (await latestChangeId(prisma, stream.guildId))) {
        return expire(subscriber, stream, { afterId, reason: 'unknown' });
      }
    }
    // Without afterId: from what has committed by now, which this process's cursor may not have read yet.
    subscriber.cursor = afterId ?? (await latestChangeId(prisma, stream.guildId));
    while (subscriber.cursor < stream.cursor && !subscriber.closed) {
      const changes = await readTicketChanges(prisma, stream.guildId, subscriber.cursor, READ_BATCH);
      const upToCursor = changes.filter((change) => change.id <= (stream.cursor ?? 0));
      for (const change of upToCursor) deliver(subscriber, change);
      if (upToCursor.length < READ_BATCH) subscriber.cursor = Math.max(subscriber.cursor, stream.cursor);
    }
    subscriber.live = true;
  };

  /** After a reconnect: a stream whose cursor fell behind the pruned horizon cannot continue; the rest read on. */
  const resumeAll = async () => {
    const horizon = await prunedThrough(prisma);
    for (const stream of guilds.values()) {
      if (stream.cursor !== null && stream.cursor < horizon) {
        const afterId = stream.cursor;
        for (const subscriber of [...stream.subscribers]) expire(subscriber, stream, { afterId, reason: 'pruned' });
      } else {
        readNew(stream);
      }
    }
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      application_name: 'ticketflow-change-feed',
    });
    next.on('notification', (message) => {
      const stream = message.payload ? guilds.get(message.payload) : undefined;
      if (stream) readNew(stream);
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('connection ended')));
    await next.connect();
    await next.query(`LISTEN ${TICKET_CHANGE_CHANNEL}`);
    client = next;
    listening = true;
  };

  let delay = firstDelay;
  const lost = (which: pg.Client, error: Error) => {
    if (which !== client || stopped) return;
    client = null;
    listening = false;
    which.removeAllListeners('end');
    which.end().catch(() => {});
    logger.warn({ err: error }, 'ticket change feed lost its LISTEN connection; reconnecting');
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    reconnectTimer = setTimeout(async () => {
      reconnectTimer = null;
      if (stopped) return;
      try {
        await connect();
        delay = firstDelay;
        logger.info('ticket change feed is listening again');
        await resumeAll();
      } catch (error) {
        delay = Math.min(delay * 2, 5_000);
        logger.warn({ err: error, retryInMs: delay }, 'ticket change feed could not reconnect yet');
        scheduleReconnect();
      }
    }, delay);
  };

  await connect();

  const pruneIntervalMs = options.pruneIntervalMs ?? 60 * 60 * 1000;
  const prune = () => {
    pruneTicketChanges(prisma, { olderThan: new Date(Date.now() - TICKET_CHANGE_RETENTION_MS) }).then(
      (result) => logger.debug({ ...result }, 'pruned old ticket changes'),
      (error: unknown) => logger.warn({ err: error }, 'pruning old ticket changes failed; trying again later'),
    );
  };
  const pruneTimer = pruneIntervalMs > 0 ? setInterval(prune, pruneIntervalMs).unref() : null;
  if (pruneTimer) prune();

  return {
    get listening() {
      return listening;
    },
    subscribe(guildId, subscriptionOptions) {
      const parsed = subscriptionSchema.safeParse({
        guildId,
        afterId: subscriptionOptions.afterId,
        ticketId: subscriptionOptions.ticketId,
        creatorId: subscriptionOptions.creatorId,
      });
      if (!parsed.success) throw new InputError('ticket change subscription', zodProblems(parsed.error, '(options)'));
      let stream = guilds.get(guildId);
      if (!stream) {
        stream = { guildId, cursor: null, subscribers: new Set(), queue: Promise.resolve(), readQueued: false };
        guilds.set(guildId, stream);
      }
      const subscriber: Subscriber = { options: subscriptionOptions, cursor: 0, live: false, closed: false };
      stream.subscribers.add(subscriber);
      const joined = stream;
      const ready = enqueue(joined, () => catchUp(subscriber, joined)).catch((error: unknown) => {
        remove(subscriber, joined);
        logger.error({ err: error, guildId }, 'a ticket change subscription could not catch up');
        throw error;
      });
      // Whoever holds the subscription may not wait for ready: its failure is logged above either way.
      ready.catch(() => {});
      return { ready, close: () => remove(subscriber, joined) };
    },
    async close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (pruneTimer) clearInterval(pruneTimer);
      const current = client;
      client = null;
      listening = false;
      guilds.clear();
      await current?.end();
    },
  };
}
