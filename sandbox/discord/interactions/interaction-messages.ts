import {
  type APIMessage,
  type APIMessageInteractionMetadata,
  ApplicationIntegrationType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import { unknownMessage } from '../rest/errors.ts';
import { toApiComponents } from '../rest/validation/component-body.ts';
import { type MessageBody, toApiAllowedMentions, toApiEmbed } from '../rest/validation/message-body.ts';
import { serializeUser } from '../serializers.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { applyMessagePatch, defaultAllowedMentions, type MessagePatch } from '../state/message-store.ts';
import type { InteractionRecord } from './interaction-store.ts';

/**
 * The messages an interaction's webhook makes: the original response and follow-ups. Ephemeral ones stay with
 * the interaction (only its user sees them); the others go to the channel through the same state method the
 * REST route uses, so the gateway announces them.
 */

export interface ResponseOptions {
  ephemeral: boolean;
  /** A deferred response: "thinking" (flag LOADING) until @original is edited. */
  loading?: boolean;
  /** Follow-ups name the original response in their interaction metadata. */
  followUp?: boolean;
}

export function postInteractionMessage(
  state: DiscordState,
  record: InteractionRecord,
  body: MessageBody | null,
  options: ResponseOptions,
): APIMessage {
  const channel = state.messageChannel(record.channelId);
  if (!channel) throw unknownMessage();
  const flags =
    (body?.flags ?? 0) |
    (options.ephemeral ? MessageFlags.Ephemeral : 0) |
    (options.loading ? MessageFlags.Loading : 0);
  const draft = {
    type: record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
    content: body?.content ?? '',
    embeds: (body?.embeds ?? []).map(toApiEmbed),
    components: toApiComponents(body?.components),
    allowedMentions:
      toApiAllowedMentions(body?.allowed_mentions) ?? defaultAllowedMentions({ webhook_id: record.applicationId }),
    flags,
    tts: body?.tts ?? false,
    webhookId: record.applicationId,
    applicationId: record.applicationId,
    interactionMetadata: interactionMetadata(state, record, options.followUp ?? false),
  };
  if (options.ephemeral) {
    const message = state.buildDetachedMessage(channel, record.botUserId, draft);
    record.ephemeral.set(message.id, message);
    return message;
  }
  return state.createMessage(channel, record.botUserId, draft).message;
}

/** A message this interaction's webhook may touch: '@original' or one of its follow-ups. */
export function interactionMessage(state: DiscordState, record: InteractionRecord, messageId: string): APIMessage {
  const id = messageId === '@original' ? record.originalMessageId : messageId;
  if (!id || (id !== record.originalMessageId && !record.followUpIds.includes(id))) throw unknownMessage();
  const message = findMessage(state, record.channelId, id);
  if (!message) throw unknownMessage();
  return message;
}

/** A message in a channel's history or an ephemeral one there. */
export function findMessage(state: DiscordState, channelId: string, messageId: string): APIMessage | undefined {
  return state.message(channelId, messageId) ?? state.interactions.ephemeralMessage(channelId, messageId)?.message;
}

export function editInteractionMessage(state: DiscordState, message: APIMessage, patch: MessagePatch): APIMessage {
  const ephemeral = state.interactions.ephemeralMessage(message.channel_id, message.id);
  if (!ephemeral) return state.editMessage(message.channel_id, message.id, patch);
  applyMessagePatch(ephemeral.message, patch);
  ephemeral.message.edited_timestamp = new Date(state.now()).toISOString();
  return ephemeral.message;
}

export function deleteInteractionMessage(state: DiscordState, message: APIMessage): void {
  const ephemeral = state.interactions.ephemeralMessage(message.channel_id, message.id);
  if (ephemeral) ephemeral.record.ephemeral.delete(message.id);
  else state.deleteMessage(message.channel_id, message.id);
}

/** The edit a webhook PATCH makes: the fields sent, and a deferred message stops "thinking". */
export function webhookPatch(message: APIMessage, body: MessageBody): MessagePatch {
  return {
    ...(body.content !== undefined
      ? { content: body.content ?? '', allowedMentions: toApiAllowedMentions(body.allowed_mentions) }
      : {}),
    ...(body.embeds !== undefined ? { embeds: (body.embeds ?? []).map(toApiEmbed) } : {}),
    ...(body.components !== undefined ? { components: toApiComponents(body.components) } : {}),
    flags: (message.flags ?? 0) & ~MessageFlags.Loading,
  };
}

/**
 * Discord's metadata per interaction type: a component names the message it was on, a modal submit names the
 * interaction that showed the modal (whose own metadata names its message).
 */
function interactionMetadata(
  state: DiscordState,
  record: InteractionRecord,
  followUp: boolean,
): APIMessageInteractionMetadata {
  const user = state.users.get(record.userId);
  if (!user) throw new Error(`no user ${record.userId}`);
  const trigger = record.triggeredById ? state.interactions.get(record.triggeredById) : undefined;
  return {
    id: record.id,
    type: record.type,
    user: serializeUser(user),
    // Discord names the guild, or "0" for the bot's DMs.
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: record.guildId ?? '0' },
    ...(followUp && record.originalMessageId ? { original_response_message_id: record.originalMessageId } : {}),
    ...(record.type === InteractionType.MessageComponent && record.sourceMessageId
      ? { interacted_message_id: record.sourceMessageId }
      : {}),
    ...(record.type === InteractionType.ModalSubmit && trigger
      ? { triggering_interaction_metadata: interactionMetadata(state, trigger, false) }
      : {}),
  } as APIMessageInteractionMetadata;
}
