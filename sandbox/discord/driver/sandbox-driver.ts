import type { APIMessage } from 'discord-api-types/v10';
import { ChannelType, Locale, PermissionFlagsBits } from 'discord-api-types/v10';
import { startInteraction } from '../interactions/start-interaction.ts';
import { channelPermissions, hasPermission } from '../permissions/compute.ts';
import type { AttachmentDraft } from '../state/attachment-urls.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { isThread } from '../state/records.ts';
import { buttonPressStart, selectStart } from './component-press.ts';
import { type ModalValues, modalSubmitStart } from './modal-submit.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';
import { SandboxInteraction } from './sandbox-interaction.ts';
import {
  type AutocompleteInput,
  autocompleteStart,
  type SlashCommandInput,
  slashCommandStart,
} from './slash-command.ts';
import { visibleChannel, visibleGuildChannel } from './visibility.ts';

const DISCORD_LOCALES: readonly string[] = Object.values(Locale);

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

  /**
   * The language of this user's Discord client (one of Discord's locales, such as `de` or `pt-BR`): their
   * interactions carry it as `locale` from now on.
   */
  setLocale(locale: string): void {
    if (!DISCORD_LOCALES.includes(locale))
      throw new SandboxDriverError(`${locale} is not a Discord locale (${DISCORD_LOCALES.join(', ')})`);
    this.#state.setUserLocale(this.userId, locale);
  }

  /**
   * The privacy setting "Allow direct messages from server members": off, a bot's DMs to this user are refused
   * with 403 50007, as they are when the user shares no guild with the bot.
   */
  setAllowsDirectMessages(allowed: boolean): void {
    this.#state.setAllowsDirectMessages(this.userId, allowed);
  }

  /** The messages in this user's DM channels (with any bot), oldest first, as their client lists them. */
  directMessages(): APIMessage[] {
    const byAge = (a: APIMessage, b: APIMessage) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);
    return [...this.#state.dmChannels.values()]
      .filter((channel) => channel.recipientIds.includes(this.userId))
      .flatMap((channel) => this.#state.messagesIn(channel.id))
      .sort(byAge)
      .map((message) => structuredClone(message));
  }

  /** A message typed in the client; it goes through the same state method as the REST route (MESSAGE_CREATE). */
  sendMessage(channelId: string, content: string, options: { attachments?: AttachmentDraft[] } = {}): APIMessage {
    const channel = visibleChannel(this.#state, channelId, this.userId);
    if (channel.type === ChannelType.GuildCategory)
      throw new SandboxDriverError(`${channel.name} is a category: messages go in its channels`);
    if (channel.guildId !== null) {
      const bits = channelPermissions(this.#state, channelId, this.userId);
      const sendFlag = isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
      if (!hasPermission(bits, sendFlag))
        throw new SandboxDriverError(`user ${this.userId} cannot send in ${channel.name}`);
      if (isThread(channel) && channel.thread.locked && !hasPermission(bits, PermissionFlagsBits.ManageThreads))
        throw new SandboxDriverError(`thread ${channel.name} is locked`);
    }
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
    // Nobody moderates a DM: there each author deletes only their own messages.
    const moderator = hasPermission(
      channelPermissions(this.#state, channelId, this.userId),
      PermissionFlagsBits.ManageMessages,
    );
    if (message.author.id !== this.userId && !moderator)
      throw new SandboxDriverError('deleting someone else’s message needs MANAGE_MESSAGES');
    this.#state.deleteMessage(channelId, messageId);
  }

  runSlashCommand(channelId: string, name: string, input: SlashCommandInput = {}): SandboxInteraction {
    visibleGuildChannel(this.#state, channelId, this.userId);
    return this.#start(slashCommandStart(this.#state, this.userId, channelId, name, input));
  }

  /** Types `focused.typed` into an option with autocomplete: the app answers with suggestions (`waitForChoices`). */
  typeInOption(channelId: string, name: string, input: AutocompleteInput): SandboxInteraction {
    visibleGuildChannel(this.#state, channelId, this.userId);
    return this.#start(autocompleteStart(this.#state, this.userId, channelId, name, input));
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
