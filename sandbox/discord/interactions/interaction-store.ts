import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIMessage,
  APIModalInteractionResponseCallbackData,
  InteractionResponseType,
  InteractionType,
} from 'discord-api-types/v10';
import type { StoreContext } from '../state/store-context.ts';

/** Discord's window for the first callback, and the lifetime of the token for @original and follow-ups. */
export const ACK_DEADLINE_MS = 3_000;
export const TOKEN_LIFETIME_MS = 15 * 60_000;

export interface InteractionRecord {
  id: string;
  /** URL-safe, so clients put it in paths unescaped. */
  token: string;
  applicationId: string;
  /** The application's bot user: the author of its responses. */
  botUserId: string;
  type: InteractionType;
  userId: string;
  /** null for an interaction in a DM. */
  guildId: string | null;
  channelId: string;
  createdAtMs: number;
  /** The INTERACTION_CREATE data as sent. */
  payload: APIInteraction;
  /** The message that carried the component (component interactions and modals opened from them). */
  sourceMessageId: string | null;
  /** For a modal submit: the interaction that showed the modal (its message metadata names it). */
  triggeredById: string | null;
  /** The first callback; null until the app answers. */
  ack: { type: InteractionResponseType; atMs: number } | null;
  /** The response message @original names (for component interactions: the source message). */
  originalMessageId: string | null;
  /** A deferred response shows "thinking" until the app edits @original. */
  originalLoading: boolean;
  /** The modal the app showed in answer (callback type 9). */
  modal: APIModalInteractionResponseCallbackData | null;
  /** A modal closes once submitted. */
  modalSubmitted: boolean;
  /** The suggestions the app answered an autocomplete interaction with (callback type 8). */
  choices: APIApplicationCommandOptionChoice[] | null;
  followUpIds: string[];
  /** Messages only the interaction's user sees (flag EPHEMERAL), by id; they are in no channel's history. */
  ephemeral: Map<string, APIMessage>;
}

export type NewInteraction = Pick<
  InteractionRecord,
  'applicationId' | 'botUserId' | 'type' | 'userId' | 'guildId' | 'channelId' | 'sourceMessageId' | 'triggeredById'
> & {
  /** Builds the payload once the id and token exist. */
  payload: (id: string, token: string) => APIInteraction;
};

/** The interactions users started, with what the app answered; listeners hear every change (drivers wait on it). */
export class InteractionStore {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #listeners = new Set<() => void>();
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  create(input: NewInteraction): InteractionRecord {
    const id = this.#context.nextId();
    const token = `interaction.${randomBytes(48).toString('base64url')}`;
    const record: InteractionRecord = {
      ...input,
      id,
      token,
      createdAtMs: this.#context.now(),
      payload: input.payload(id, token),
      ack: null,
      originalMessageId: input.sourceMessageId,
      originalLoading: false,
      modal: null,
      modalSubmitted: false,
      choices: null,
      followUpIds: [],
      ephemeral: new Map(),
    };
    this.#byId.set(id, record);
    this.changed();
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  /** The interaction an application's webhook token belongs to. */
  byToken(applicationId: string, token: string): InteractionRecord | undefined {
    for (const record of this.#byId.values())
      if (record.token === token && record.applicationId === applicationId) return record;
    return undefined;
  }

  /** An ephemeral message in this channel, with the interaction that owns it. */
  ephemeralMessage(
    channelId: string,
    messageId: string,
  ): { record: InteractionRecord; message: APIMessage } | undefined {
    for (const record of this.#byId.values()) {
      const message = record.ephemeral.get(messageId);
      if (message && message.channel_id === channelId) return { record, message };
    }
    return undefined;
  }

  /** The ephemeral messages this user was shown in this channel (what their client still displays there). */
  ephemeralMessagesFor(channelId: string, userId: string): APIMessage[] {
    return [...this.#byId.values()]
      .filter((record) => record.userId === userId)
      .flatMap((record) => [...record.ephemeral.values()].filter((message) => message.channel_id === channelId));
  }

  /** Token age now; the callback window and webhook lifetime are measured on the sandbox clock. */
  ageMs(record: InteractionRecord): number {
    return this.#context.now() - record.createdAtMs;
  }

  now(): number {
    return this.#context.now();
  }

  /** Tells listeners an interaction changed; the routes call it after each change they make to a record. */
  changed(): void {
    for (const listener of this.#listeners) listener();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
