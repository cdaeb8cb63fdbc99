import { GatewayCloseCodes, GatewayOpcodes } from 'discord-api-types/v10';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { FrameSink, GatewaySession } from './gateway-session.ts';
import {
  gatewayFrameSchema,
  identifySchema,
  type RequestGuildMembers,
  requestGuildMembersSchema,
  resumeSchema,
} from './inbound-payloads.ts';

/** What a connection asks of the gateway once a client has said who it is. */
export interface ConnectionHandlers {
  identify(connection: GatewayConnection, identify: z.infer<typeof identifySchema>): void;
  resume(connection: GatewayConnection, resume: z.infer<typeof resumeSchema>): void;
  requestGuildMembers(connection: GatewayConnection, session: GatewaySession, request: RequestGuildMembers): void;
  heartbeatAcksPaused(): boolean;
  closed(connection: GatewayConnection, code: number): void;
}

/**
 * One websocket: HELLO on open, then the client's opcodes. JSON goes out as text frames only: discord.js
 * takes a binary frame for compressed data and drops it.
 */
export class GatewayConnection implements FrameSink {
  /** The session this socket carries; null before IDENTIFY/RESUME, and after an INVALID_SESSION. */
  session: GatewaySession | null = null;
  readonly #socket: WebSocket;
  readonly #handlers: ConnectionHandlers;

  constructor(socket: WebSocket, heartbeatIntervalMs: number, handlers: ConnectionHandlers) {
    this.#socket = socket;
    this.#handlers = handlers;
    socket.on('message', (data) => this.#receive(String(data)));
    socket.on('close', (code) => handlers.closed(this, code));
    socket.on('error', () => socket.terminate());
    this.sendPayload({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatIntervalMs } });
  }

  get open(): boolean {
    return this.#socket.readyState === this.#socket.OPEN;
  }

  sendFrame(frame: string): void {
    if (this.open) this.#socket.send(frame);
  }

  sendPayload(payload: { op: GatewayOpcodes; d?: unknown }): void {
    this.sendFrame(JSON.stringify({ s: null, t: null, d: null, ...payload }));
  }

  close(code: number): void {
    this.#socket.close(code);
  }

  #receive(text: string): void {
    let frame: z.infer<typeof gatewayFrameSchema>;
    try {
      frame = gatewayFrameSchema.parse(JSON.parse(text));
    } catch {
      this.close(GatewayCloseCodes.DecodeError);
      return;
    }
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        if (!this.#handlers.heartbeatAcksPaused()) this.sendPayload({ op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        if (this.session) this.close(GatewayCloseCodes.AlreadyAuthenticated);
        else this.#parsed(identifySchema, frame.d, (identify) => this.#handlers.identify(this, identify));
        break;
      case GatewayOpcodes.Resume:
        if (this.session) this.close(GatewayCloseCodes.AlreadyAuthenticated);
        else this.#parsed(resumeSchema, frame.d, (resume) => this.#handlers.resume(this, resume));
        break;
      case GatewayOpcodes.RequestGuildMembers: {
        const session = this.session;
        if (!session) this.close(GatewayCloseCodes.NotAuthenticated);
        else
          this.#parsed(requestGuildMembersSchema, frame.d, (request) =>
            this.#handlers.requestGuildMembers(this, session, request),
          );
        break;
      }
      // Presence and voice state updates change nothing the sandbox models.
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
        if (!this.session) this.close(GatewayCloseCodes.NotAuthenticated);
        break;
      default:
        this.close(GatewayCloseCodes.UnknownOpcode);
    }
  }

  #parsed<T>(schema: z.ZodType<T>, data: unknown, then: (value: T) => void): void {
    const result = schema.safeParse(data);
    if (result.success) then(result.data);
    else this.close(GatewayCloseCodes.DecodeError);
  }
}
