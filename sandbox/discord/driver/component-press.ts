import {
  type APIMessage,
  type APIMessageComponent,
  ButtonStyle,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { findMessage } from '../interactions/interaction-messages.ts';
import { resolvedFor } from '../interactions/interaction-payload.ts';
import type { InteractionStart } from '../interactions/start-interaction.ts';
import { canSeeChannel } from '../permissions/visibility.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';
import { visibleChannel } from './visibility.ts';

/** A message this user's client shows: in a channel they see; an ephemeral one only to its interaction's user. */
function visibleAppMessage(state: DiscordState, userId: string, channelId: string, messageId: string): APIMessage {
  visibleChannel(state, channelId, userId);
  const ephemeral = state.interactions.ephemeralMessage(channelId, messageId);
  if (ephemeral && ephemeral.record.userId !== userId)
    throw new SandboxDriverError(`message ${messageId} is ephemeral and shown only to ${ephemeral.record.userId}`);
  const message = findMessage(state, channelId, messageId);
  if (!message) throw new SandboxDriverError(`there is no message ${messageId} in channel ${channelId}`);
  if (!state.botByUserId(message.author.id))
    throw new SandboxDriverError(`message ${messageId} is not an application's message`);
  return message;
}

function findComponent(message: APIMessage, customId: string): APIMessageComponent {
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components)
      if ('custom_id' in component && component.custom_id === customId) return component;
  }
  throw new SandboxDriverError(`message ${message.id} has no component ${customId}`);
}

function componentStart(userId: string, message: APIMessage, data: Record<string, unknown>): InteractionStart {
  return {
    applicationId: message.author.id,
    type: InteractionType.MessageComponent,
    userId,
    channelId: message.channel_id,
    sourceMessageId: message.id,
    body: { data, message: structuredClone(message) },
  };
}

export function buttonPressStart(
  state: DiscordState,
  userId: string,
  channelId: string,
  messageId: string,
  customId: string,
): InteractionStart {
  const message = visibleAppMessage(state, userId, channelId, messageId);
  const button = findComponent(message, customId);
  if (button.type !== ComponentType.Button || button.style === ButtonStyle.Link || button.style === ButtonStyle.Premium)
    throw new SandboxDriverError(`${customId} is not a button that sends an interaction`);
  if (button.disabled) throw new SandboxDriverError(`button ${customId} is disabled`);
  return componentStart(userId, message, { custom_id: customId, component_type: ComponentType.Button });
}

export function selectStart(
  state: DiscordState,
  userId: string,
  channelId: string,
  messageId: string,
  customId: string,
  values: string[],
): InteractionStart {
  const message = visibleAppMessage(state, userId, channelId, messageId);
  const select = findComponent(message, customId);
  if (select.type === ComponentType.Button) throw new SandboxDriverError(`${customId} is not a select menu`);
  // The checks above leave the select kinds; their shared fields are read through one view.
  const menu = select as {
    type: ComponentType;
    disabled?: boolean;
    min_values?: number;
    max_values?: number;
    options?: { value: string }[];
    channel_types?: number[];
  };
  if (menu.disabled) throw new SandboxDriverError(`select ${customId} is disabled`);
  const min = menu.min_values ?? 1;
  const max = menu.max_values ?? 1;
  if (values.length < min || values.length > max)
    throw new SandboxDriverError(`select ${customId} takes ${min}–${max} values, not ${values.length}`);
  if (new Set(values).size !== values.length) throw new SandboxDriverError(`select ${customId}: repeated value`);
  const guildId = state.channels.get(channelId)?.guildId;
  const ids = { users: [] as string[], roles: [] as string[], channels: [] as string[] };
  for (const value of values) {
    const refuse = () => new SandboxDriverError(`select ${customId} does not offer ${value}`);
    switch (menu.type) {
      case ComponentType.StringSelect:
        if (!menu.options?.some((option) => option.value === value)) throw refuse();
        break;
      case ComponentType.UserSelect:
        if (!state.member(guildId ?? '', value)) throw refuse();
        ids.users.push(value);
        break;
      case ComponentType.RoleSelect:
        if (state.roles.get(value)?.guildId !== guildId) throw refuse();
        ids.roles.push(value);
        break;
      case ComponentType.MentionableSelect:
        if (state.roles.get(value)?.guildId === guildId) ids.roles.push(value);
        else if (state.member(guildId ?? '', value)) ids.users.push(value);
        else throw refuse();
        break;
      case ComponentType.ChannelSelect: {
        const channel = state.channels.get(value);
        if (!channel || channel.guildId !== guildId || !canSeeChannel(state, channel.id, userId)) throw refuse();
        if (menu.channel_types?.length && !menu.channel_types.includes(channel.type)) throw refuse();
        ids.channels.push(value);
        break;
      }
    }
  }
  const resolved = resolvedFor(state, channelId, userId, ids);
  return componentStart(userId, message, {
    custom_id: customId,
    component_type: menu.type,
    values,
    ...(menu.type === ComponentType.StringSelect ? {} : { resolved }),
  });
}
