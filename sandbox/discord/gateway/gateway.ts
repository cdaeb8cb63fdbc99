import type { Server } from 'node:http';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import type { z } from 'zod';
import type { GatewayDispatch } from '../events/dispatch.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { BotRecord } from '../state/records.ts';
import { shapeForSession } from './delivery.ts';
import { type ConnectionHandlers, GatewayConnection } from './gateway-connection.ts';
import { type GatewayEventKind, GatewayLog, type GatewayLogEntry } from './gateway-log.ts';
import { GatewaySession } from './gateway-session.ts';
import { type identifySchema, type RequestGuildMembers, type resumeSchema, validIntents } from './inbound-payloads.ts';
import { mayRequestMembers, memberChunks } from './member-chunks.ts';
import { guildCreatePayload, guildsOf, readyPayload } from './session-payloads.ts';

/** Discord's own heartbeat interval. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;
/** How long a session whose socket went away stays resumable, as on Discord (a few minutes). */
const RESUME_WINDOW_MS = 5 * 60_000;

const GATEWAY_PATHS = new Set(['/gw', '/gw/']);

/** The gateway's websocket URL for a sandbox origin (`http://host:port` → `ws://host:port/gw`). */
export function gatewayUrl(origin: string): string {
  return `${origin.replace(/^http/, 'ws')}/gw`;
}

/** Gateway faults a test can cause, and what the gateway saw, to wait on. */
export interface GatewayControl {
  /** Closes every socket with this code; sessions stay resumable. */
  closeAll(code: number): void;
  /** Sends INVALID_SESSION to every connected client; unless resumable, their sessions end. */
  invalidateSessions(resumable: boolean): void;
  /** Sends op 7 RECONNECT: clients close and resume. */
  sendReconnect(): void;
  /** Heartbeats go unanswered until resumed: discord.js then calls the connection a zombie and resumes. */
  pauseHeartbeatAcks(): void;
  resumeHeartbeatAcks(): void;
  readonly log: readonly GatewayLogEntry[];
  count(kind: GatewayEventKind): number;
  /** Resolves once `kind` has happened `count` times since the sandbox started. */
  waitFor(kind: GatewayEventKind, count: number, timeoutMs?: number): Promise<void>;
}

export interface GatewayOptions {
  state: DiscordState;
  heartbeatIntervalMs: number;
  /** The sandbox's origin, known once its server listens. */
  origin: () => string;
}

/**
 * The gateway websocket on the sandbox's port (/gw): IDENTIFY → READY and a GUILD_CREATE per guild; then every
 * world event, shaped per session; RESUME replays what a client missed.
 */
export class Gateway implements GatewayControl {
  readonly #state: DiscordState;
  readonly #heartbeatIntervalMs: number;
  readonly #origin: () => string;
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<GatewayConnection>();
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #log = new GatewayLog();
  readonly #stopListening: () => void;
  #acksPaused = false;

  constructor(options: GatewayOptions) {
    this.#state = options.state;
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs;
    this.#origin = options.origin;
    this.#stopListening = options.state.onDispatch((dispatch) => this.#deliver(dispatch));
  }

  /** Takes the websocket upgrades for /gw on this HTTP server; other paths get 404. */
  attach(server: Server): void {
    server.on('upgrade', (request, socket, head) => {
      const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
      if (!GATEWAY_PATHS.has(path)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      this.#server.handleUpgrade(request, socket, head, (ws) => {
        this.#log.record({ kind: 'connect', sessionId: null });
        this.#connections.add(new GatewayConnection(ws, this.#heartbeatIntervalMs, this.#handlers));
      });
    });
  }

  /** Stops listening to the world and drops every socket (the HTTP server's close does not end upgraded ones). */
  close(): void {
    this.#stopListening();
    for (const client of this.#server.clients) client.terminate();
    this.#connections.clear();
    this.#sessions.clear();
    this.#server.close();
  }

  // --- fault hooks ---

  closeAll(code: number): void {
    for (const connection of this.#connections) {
      this.#detach(connection);
      connection.close(code);
    }
  }

  invalidateSessions(resumable: boolean): void {
    for (const connection of this.#connections) {
      const session = connection.session;
      if (!session) continue;
      this.#detach(connection);
      this.#log.record({ kind: 'invalid-session', sessionId: session.id });
      connection.sendPayload({ op: GatewayOpcodes.InvalidSession, d: resumable });
    }
    if (!resumable) this.#sessions.clear();
  }

  sendReconnect(): void {
    for (const connection of this.#connections) connection.sendPayload({ op: GatewayOpcodes.Reconnect });
  }

  pauseHeartbeatAcks(): void {
    this.#acksPaused = true;
  }

  resumeHeartbeatAcks(): void {
    this.#acksPaused = false;
  }

  get log(): readonly GatewayLogEntry[] {
    return this.#log.entries;
  }

  count(kind: GatewayEventKind): number {
    return this.#log.count(kind);
  }

  waitFor(kind: GatewayEventKind, count: number, timeoutMs?: number): Promise<void> {
    return this.#log.waitFor(kind, count, timeoutMs);
  }

  // --- protocol ---

  readonly #handlers: ConnectionHandlers = {
    identify: (connection, identify) => this.#identify(connection, identify),
    resume: (connection, resume) => this.#resume(connection, resume),
    requestGuildMembers: (connection, session, request) => this.#requestGuildMembers(connection, session, request),
    heartbeatAcksPaused: () => this.#acksPaused,
    closed: (connection, code) => {
      this.#connections.delete(connection);
      const session = connection.session;
      this.#log.record({ kind: 'disconnect', sessionId: session?.id ?? null, code });
      if (!session) return;
      this.#detach(connection);
      // A client closing normally (1000/1001) ends its session, as on Discord.
      if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
    },
  };

  #identify(connection: GatewayConnection, identify: z.infer<typeof identifySchema>): void {
    const bot = this.#state.botByToken(identify.token);
    const refusal = identifyRefusal(bot, identify.intents);
    if (!bot || refusal !== null) {
      connection.close(refusal ?? GatewayCloseCodes.AuthenticationFailed);
      return;
    }
    this.#forgetAbandonedSessions();
    const session = new GatewaySession({
      userId: bot.userId,
      applicationId: bot.applicationId,
      token: identify.token,
      intents: identify.intents,
      largeThreshold: identify.large_threshold ?? 50,
      shard: identify.shard ?? [0, 1],
    });
    this.#sessions.set(session.id, session);
    this.#log.record({ kind: 'identify', sessionId: session.id });
    connection.session = session;
    session.attach(connection);
    const resumeGatewayUrl = gatewayUrl(this.#origin());
    session.send(GatewayDispatchEvents.Ready, readyPayload(this.#state, session, resumeGatewayUrl));
    for (const guild of guildsOf(this.#state, session.userId))
      session.send(GatewayDispatchEvents.GuildCreate, guildCreatePayload(this.#state, guild, session));
  }

  #resume(connection: GatewayConnection, resume: z.infer<typeof resumeSchema>): void {
    const session = this.#sessions.get(resume.session_id);
    const frames = session && session.token === resume.token ? session.framesAfter(resume.seq ?? 0) : null;
    if (!session || !frames) {
      this.#log.record({ kind: 'invalid-session', sessionId: session?.id ?? null });
      if (session) this.#sessions.delete(session.id);
      connection.sendPayload({ op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    // A zombie socket the client gave up on may still be open: the session moves to the new one.
    for (const other of this.#connections) if (other !== connection && other.session === session) other.session = null;
    connection.session = session;
    session.attach(connection);
    this.#log.record({ kind: 'resume', sessionId: session.id });
    for (const frame of frames) connection.sendFrame(frame);
    session.send(GatewayDispatchEvents.Resumed, null);
  }

  #requestGuildMembers(connection: GatewayConnection, session: GatewaySession, request: RequestGuildMembers): void {
    if (!mayRequestMembers(session, request)) {
      connection.close(GatewayCloseCodes.DisallowedIntents);
      return;
    }
    for (const chunk of memberChunks(this.#state, session, request))
      session.send(GatewayDispatchEvents.GuildMembersChunk, chunk);
  }

  #deliver(dispatch: GatewayDispatch): void {
    for (const session of this.#sessions.values()) {
      try {
        const shaped = shapeForSession(this.#state, session, dispatch);
        if (shaped) session.send(shaped.event, shaped.data);
      } catch (error) {
        // A sandbox bug must not fail the state change that raised the event.
        console.error(`discord sandbox gateway: could not deliver ${dispatch.event}`, error);
      }
    }
  }

  #detach(connection: GatewayConnection): void {
    if (connection.session?.sink === connection) connection.session.detach();
    connection.session = null;
  }

  #forgetAbandonedSessions(): void {
    const now = Date.now();
    for (const [id, session] of this.#sessions)
      if (session.detachedAt !== null && now - session.detachedAt > RESUME_WINDOW_MS) this.#sessions.delete(id);
  }
}

/** Why Discord would close an IDENTIFY: a bad token (4004), a bad bitfield (4013), a privileged intent not enabled (4014). */
function identifyRefusal(bot: BotRecord | undefined, intents: number): GatewayCloseCodes | null {
  if (!bot) return GatewayCloseCodes.AuthenticationFailed;
  if (!validIntents(intents)) return GatewayCloseCodes.InvalidIntents;
  if ((intents & GatewayIntentBits.GuildMembers) !== 0 && !bot.guildMembersIntent)
    return GatewayCloseCodes.DisallowedIntents;
  return null;
}
