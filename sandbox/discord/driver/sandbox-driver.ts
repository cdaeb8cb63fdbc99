import type { APIMessage } from 'discord-api-types/v10';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { startInteraction } from '../interactions/start-interaction.ts';
import { channelPermissions, hasPermission } from '../permissions/compute.ts';
import type { AttachmentDraft } from '../state/attachment-urls.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { isThread } from '../state/records.ts';
import { buttonPressStart, selectStart } from './component-press.ts';
import { type ModalValues, modalSubmitStart } from './modal-submit.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';
import { SandboxInteraction } from './sandbox-interaction.ts';
import { type SlashCommandInput, slashCommandStart } from './slash-command.ts';
import { visibleChannel } from './visibility.ts';

/** Plays members of the local Discord the way a real client UI would, refusing what that UI would not allow. */
export class SandboxDriver {
  readonly #state: DiscordState;

  constructor(state: DiscordState) {
    this.#state = state;
  }

  as(userId: string): DiscordActor {
    if (!this.#state.users.has(userId)) throw new SandboxDriverError(`there is no user ${userId}`);
    return new DiscordActor(this.#state, userId);
  }

  /** An interaction started earlier (the HTTP form of the driver names them by id). */
  interaction(id: string): SandboxInteraction {
    const record = this.#state.interactions.get(id);
    if (!record) throw new SandboxDriverError(`there is no interaction ${id}`);
    return new SandboxInteraction(this.#state, record);
  }
}

export class DiscordActor {
  readonly userId: string;
  readonly #state: DiscordState;

  constructor(state: DiscordState, userId: string) {
    this.#state = state;
    this.userId = userId;
  }

  /** A message typed in the client; it goes through the same state method as the REST route (MESSAGE_CREATE). */
  sendMessage(channelId: string, content: string, options: { attachments?: AttachmentDraft[] } = {}): APIMessage {
    const channel = visibleChannel(this.#state, channelId, this.userId);
    const bits = channelPermissions(this.#state, channelId, this.userId);
    const sendFlag = isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
    if (!hasPermission(bits, sendFlag))
      throw new SandboxDriverError(`user ${this.userId} cannot send in ${channel.name}`);
    if (isThread(channel) && channel.thread.locked && !hasPermission(bits, PermissionFlagsBits.ManageThreads))
      throw new SandboxDriverError(`thread ${channel.name} is locked`);
    if (!content && !options.attachments?.length) throw new SandboxDriverError('a message needs content or files');
    if (content.length > 2000) throw new SandboxDriverError('a message holds at most 2000 characters');
    return this.#state.createMessage(channel, this.userId, { content, attachments: options.attachments }).message;
  }

  editMessage(channelId: string, messageId: string, content: string): APIMessage {
    visibleChannel(this.#state, channelId, this.userId);
    const message = this.#state.message(channelId, messageId);
    if (!message) throw new SandboxDriverError(`there is no message ${messageId} in ${channelId}`);
    if (message.author.id !== this.userId) throw new SandboxDriverError('only its author can edit a message');
    if (!content || content.length > 2000) throw new SandboxDriverError('an edit needs 1–2000 characters');
    return this.#state.editMessage(channelId, messageId, { content });
  }

  deleteMessage(channelId: string, messageId: string): void {
    visibleChannel(this.#state, channelId, this.userId);
    const message = this.#state.message(channelId, messageId);
    if (!message) throw new SandboxDriverError(`there is no message ${messageId} in ${channelId}`);
    const moderator = hasPermission(
      channelPermissions(this.#state, channelId, this.userId),
      PermissionFlagsBits.ManageMessages,
    );
    if (message.author.id !== this.userId && !moderator)
      throw new SandboxDriverError('deleting someone else’s message needs MANAGE_MESSAGES');
    this.#state.deleteMessage(channelId, messageId);
  }

  runSlashCommand(channelId: string, name: string, input: SlashCommandInput = {}): SandboxInteraction {
    visibleChannel(this.#state, channelId, this.userId);
    return this.#start(slashCommandStart(this.#state, this.userId, channelId, name, input));
  }

  pressButton(channelId: string, messageId: string, customId: string): SandboxInteraction {
    return this.#start(buttonPressStart(this.#state, this.userId, channelId, messageId, customId));
  }

  selectOptions(channelId: string, messageId: string, customId: string, values: string[]): SandboxInteraction {
    return this.#start(selectStart(this.#state, this.userId, channelId, messageId, customId, values));
  }

  submitModal(opened: SandboxInteraction, values: ModalValues): SandboxInteraction {
    const start = modalSubmitStart(opened.record, this.userId, values);
    opened.record.modalSubmitted = true;
    return this.#start(start);
  }

  #start(start: Parameters<typeof startInteraction>[1]): SandboxInteraction {
    return new SandboxInteraction(this.#state, startInteraction(this.#state, start));
  }
}
