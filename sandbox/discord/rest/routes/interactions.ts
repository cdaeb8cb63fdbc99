import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord-api-types/v10';
import { z } from 'zod';
import {
  editInteractionMessage,
  findMessage,
  postInteractionMessage,
  webhookPatch,
} from '../../interactions/interaction-messages.ts';
import { ACK_DEADLINE_MS, type InteractionRecord } from '../../interactions/interaction-store.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { interactionAlreadyAcknowledged, unknownInteraction, unknownMessage } from '../errors.ts';
import type { Route } from '../router.ts';
import { parseFormBody } from '../validation/form-body.ts';
import { type CallbackBody, callbackBodySchema, isEphemeral } from '../validation/interaction-response-body.ts';

/**
 * Which callbacks each interaction accepts: updates need a message with components; no modal answers a modal; an
 * autocomplete interaction takes suggestions and nothing else.
 */
function allowedCallbacks(record: InteractionRecord): InteractionResponseType[] {
  if (record.type === InteractionType.ApplicationCommandAutocomplete)
    return [InteractionResponseType.ApplicationCommandAutocompleteResult];
  const reply = [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
  ];
  const update = [InteractionResponseType.DeferredMessageUpdate, InteractionResponseType.UpdateMessage];
  if (record.type === InteractionType.MessageComponent) return [...reply, ...update, InteractionResponseType.Modal];
  if (record.type === InteractionType.ModalSubmit) return record.sourceMessageId ? [...reply, ...update] : reply;
  return [...reply, InteractionResponseType.Modal];
}

/**
 * Carries out the first callback; returns the message it made or changed, if any. `ephemeral` comes from the raw
 * body, since the message schema removes the EPHEMERAL flag before it checks the rest.
 */
function respond(state: DiscordState, record: InteractionRecord, callback: CallbackBody, ephemeral: boolean) {
  switch (callback.type) {
    case InteractionResponseType.ChannelMessageWithSource: {
      const message = postInteractionMessage(state, record, callback.data, { ephemeral });
      record.originalMessageId = message.id;
      return message;
    }
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const message = postInteractionMessage(state, record, null, { ephemeral, loading: true });
      record.originalMessageId = message.id;
      record.originalLoading = true;
      return message;
    }
    case InteractionResponseType.DeferredMessageUpdate:
      record.originalLoading = true;
      return null;
    case InteractionResponseType.UpdateMessage: {
      const source = record.sourceMessageId && findMessage(state, record.channelId, record.sourceMessageId);
      if (!source) throw unknownMessage();
      return editInteractionMessage(state, source, webhookPatch(source, callback.data));
    }
    case InteractionResponseType.Modal:
      record.modal = structuredClone(callback.data) as InteractionRecord['modal'];
      return null;
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      requireChoicesOfFocusedType(record, callback.data.choices);
      record.choices = structuredClone(callback.data.choices);
      return null;
  }
}

/** A suggestion's value has the type of the option being typed: text for a string option, a number otherwise. */
function requireChoicesOfFocusedType(record: InteractionRecord, choices: { value: string | number }[]): void {
  const type = focusedOption(record.payload)?.type;
  const value =
    type === ApplicationCommandOptionType.String
      ? z.string()
      : type === ApplicationCommandOptionType.Integer
        ? z.number().int()
        : z.number();
  parseFormBody(z.object({ data: z.object({ choices: z.array(z.object({ value })) }) }), { data: { choices } });
}

/** The option the member is typing in, however deep in groups and subcommands. */
function focusedOption(payload: InteractionRecord['payload']): { type: ApplicationCommandOptionType } | undefined {
  type Given = { type: ApplicationCommandOptionType; focused?: boolean; options?: Given[] };
  const search = (options: Given[] | undefined): Given | undefined => {
    for (const option of options ?? []) {
      if (option.focused) return option;
      const inner = search(option.options);
      if (inner) return inner;
    }
    return undefined;
  };
  return search((payload as { data?: { options?: Given[] } }).data?.options);
}

export const interactionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/interactions/:interactionId/:token/callback',
    auth: 'none',
    handle({ state, params, query, body, parseBody }) {
      const record = state.interactions.get(params.interactionId ?? '');
      if (!record || record.token !== params.token) throw unknownInteraction();
      if (record.ack) throw interactionAlreadyAcknowledged();
      // Past Discord's 3-second window the token is dead for callbacks.
      if (state.interactions.ageMs(record) > ACK_DEADLINE_MS) throw unknownInteraction();
      const callback = parseBody(callbackBodySchema);
      parseFormBody(z.object({ type: z.literal(allowedCallbacks(record)) }), { type: callback.type });
      const message = respond(state, record, callback, isEphemeral((body as { data?: unknown } | undefined)?.data));
      record.ack = { type: callback.type, atMs: state.now() };
      state.interactions.changed();
      if (query.get('with_response') !== 'true') return { status: 204 };
      // Only a reply (4) or an update (7) has a resource: the message it made or changed.
      const withMessage =
        callback.type === InteractionResponseType.ChannelMessageWithSource ||
        callback.type === InteractionResponseType.UpdateMessage;
      return {
        status: 200,
        body: {
          interaction: {
            id: record.id,
            type: record.type,
            ...(record.originalMessageId && callback.type !== InteractionResponseType.Modal
              ? {
                  response_message_id: record.originalMessageId,
                  response_message_loading: record.originalLoading,
                  response_message_ephemeral: !!((message?.flags ?? 0) & MessageFlags.Ephemeral),
                }
              : {}),
          },
          ...(withMessage ? { resource: { type: callback.type, message } } : {}),
        },
      };
    },
  },
];
