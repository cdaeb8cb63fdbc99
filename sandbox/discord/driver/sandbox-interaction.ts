import {
  type APIApplicationCommandOptionChoice,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { findMessage } from '../interactions/interaction-messages.ts';
import type { InteractionRecord } from '../interactions/interaction-store.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';

const DEFAULT_WAIT_MS = 5_000;

/** An interaction a driver started, seen from the user's side: what the app answered, as API JSON. */
export class SandboxInteraction {
  readonly record: InteractionRecord;
  readonly #state: DiscordState;

  constructor(state: DiscordState, record: InteractionRecord) {
    this.#state = state;
    this.record = record;
  }

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** The first callback, and how long after the interaction it came (on the sandbox clock). */
  async waitForAck(timeoutMs = DEFAULT_WAIT_MS): Promise<{ type: InteractionResponseType; ackMs: number }> {
    const ack = await this.#waitFor('an acknowledgement', timeoutMs, () => this.record.ack);
    return { type: ack.type, ackMs: ack.atMs - this.record.createdAtMs };
  }

  async waitForModal(timeoutMs = DEFAULT_WAIT_MS): Promise<APIModalInteractionResponseCallbackData> {
    const ack = await this.waitForAck(timeoutMs);
    if (ack.type !== InteractionResponseType.Modal || !this.record.modal)
      throw new SandboxDriverError(`the app answered with callback type ${ack.type}, not a modal`);
    return structuredClone(this.record.modal);
  }

  /** The suggestions the app answered an autocomplete interaction with, and how long after it they came. */
  async waitForChoices(
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<{ choices: APIApplicationCommandOptionChoice[]; ackMs: number }> {
    const { type, ackMs } = await this.waitForAck(timeoutMs);
    if (type !== InteractionResponseType.ApplicationCommandAutocompleteResult || !this.record.choices)
      throw new SandboxDriverError(`the app answered with callback type ${type}, not suggestions`);
    return { choices: structuredClone(this.record.choices), ackMs };
  }

  /** The original response once it is no longer "thinking" (for a component update: the updated message). */
  waitForReply(timeoutMs = DEFAULT_WAIT_MS): Promise<APIMessage> {
    return this.#waitFor('a reply', timeoutMs, () => {
      if (this.record.ack?.type === InteractionResponseType.Modal)
        throw new SandboxDriverError('the app answered with a modal, not a reply');
      if (!this.record.ack || this.record.originalLoading || !this.record.originalMessageId) return null;
      const message = findMessage(this.#state, this.record.channelId, this.record.originalMessageId);
      return message ? structuredClone(message) : null;
    });
  }

  followUps(): APIMessage[] {
    return this.record.followUpIds.flatMap((id) => {
      const message = findMessage(this.#state, this.record.channelId, id);
      return message ? [structuredClone(message)] : [];
    });
  }

  /** Resolves with the first non-null `check()`, re-checked after every interaction change. */
  #waitFor<T>(what: string, timeoutMs: number, check: () => T | null): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        try {
          const value = check();
          if (value === null) return;
          finish();
          resolve(value);
        } catch (error) {
          finish();
          reject(error);
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new SandboxDriverError(`no ${what} to interaction ${this.record.id} within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.#state.interactions.onChange(attempt);
      const finish = () => {
        clearTimeout(timer);
        stop();
      };
      attempt();
    });
  }
}
