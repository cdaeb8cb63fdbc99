import { randomBytes } from 'node:crypto';
import { GatewayOpcodes } from 'discord-api-types/v10';
import type { SessionView } from './session-payloads.ts';

/** Discord keeps a session's recent events for resuming; older ones are gone and the client must identify. */
const REPLAY_BUFFER_SIZE = 1000;

/** Where a session's frames go while a socket is attached to it. */
export interface FrameSink {
  sendFrame(frame: string): void;
}

/**
 * One identified client: its numbered dispatches (`s` grows by one per dispatch) and the recent ones kept for
 * a RESUME. It outlives its socket, so events that happen while the client is away wait in the buffer.
 */
export class GatewaySession implements SessionView {
  readonly id = randomBytes(16).toString('hex');
  readonly userId: string;
  readonly applicationId: string;
  readonly token: string;
  readonly intents: number;
  readonly largeThreshold: number;
  readonly shard: [number, number];
  sink: FrameSink | null = null;
  /** When the socket went away (Date.now), for forgetting sessions nobody resumes. */
  detachedAt: number | null = null;

  #sequence = 0;
  readonly #buffer: { sequence: number; frame: string }[] = [];

  constructor(input: {
    userId: string;
    applicationId: string;
    token: string;
    intents: number;
    largeThreshold: number;
    shard: [number, number];
  }) {
    this.userId = input.userId;
    this.applicationId = input.applicationId;
    this.token = input.token;
    this.intents = input.intents;
    this.largeThreshold = input.largeThreshold;
    this.shard = input.shard;
  }

  attach(sink: FrameSink): void {
    this.sink = sink;
    this.detachedAt = null;
  }

  detach(): void {
    this.sink = null;
    this.detachedAt = Date.now();
  }

  /** Numbers the event, keeps it for a resume, and sends it if a socket is attached. */
  send(event: string, data: unknown): void {
    this.#sequence += 1;
    // Serialized now: the state mutates its records in place, and a replay must show the event as it was.
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: this.#sequence, d: data ?? null });
    this.#buffer.push({ sequence: this.#sequence, frame });
    if (this.#buffer.length > REPLAY_BUFFER_SIZE) this.#buffer.shift();
    this.sink?.sendFrame(frame);
  }

  /** The frames after `sequence`, in order; null when the buffer no longer reaches back that far. */
  framesAfter(sequence: number): string[] | null {
    if (sequence > this.#sequence) return null;
    const oldest = this.#buffer[0]?.sequence ?? this.#sequence + 1;
    if (sequence + 1 < oldest) return null;
    return this.#buffer.filter((entry) => entry.sequence > sequence).map((entry) => entry.frame);
  }
}
