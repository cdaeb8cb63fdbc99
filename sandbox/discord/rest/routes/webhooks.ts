import { InteractionType } from 'discord-api-types/v10';
import {
  deleteInteractionMessage,
  editInteractionMessage,
  interactionMessage,
  postInteractionMessage,
  webhookPatch,
} from '../../interactions/interaction-messages.ts';
import { type InteractionRecord, TOKEN_LIFETIME_MS } from '../../interactions/interaction-store.ts';
import type { DiscordState } from '../../state/discord-state.ts';
import { emptyMessage, invalidWebhookToken, unknownWebhook } from '../errors.ts';
import type { Route, RouteRequest } from '../router.ts';
import { interactionMessageSchema, isEphemeral } from '../validation/interaction-response-body.ts';

/**
 * An interaction's webhook: it exists once the app acknowledged the interaction, and its token works for
 * 15 minutes on the sandbox clock. Suggestions end an autocomplete interaction: it has no messages.
 */
function requireInteractionWebhook(state: DiscordState, params: RouteRequest['params']): InteractionRecord {
  const record = state.interactions.byToken(params.webhookId ?? '', params.token ?? '');
  if (!record?.ack || record.type === InteractionType.ApplicationCommandAutocomplete) throw unknownWebhook();
  if (state.interactions.ageMs(record) > TOKEN_LIFETIME_MS) throw invalidWebhookToken();
  return record;
}

const messagePath = '/webhooks/:webhookId/:token/messages/:messageId';

export const webhookRoutes: Route[] = [
  {
    method: 'POST',
    path: '/webhooks/:webhookId/:token',
    auth: 'none',
    handle({ state, params, query, body, parseBody }) {
      const record = requireInteractionWebhook(state, params);
      const data = parseBody(interactionMessageSchema);
      if (!data.content && !data.embeds?.length && !data.components?.length) throw emptyMessage();
      const message = postInteractionMessage(state, record, data, { ephemeral: isEphemeral(body), followUp: true });
      record.followUpIds.push(message.id);
      state.interactions.changed();
      return query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
    },
  },
  {
    method: 'GET',
    path: messagePath,
    auth: 'none',
    handle({ state, params }) {
      const record = requireInteractionWebhook(state, params);
      return { status: 200, body: interactionMessage(state, record, params.messageId ?? '') };
    },
  },
  {
    method: 'PATCH',
    path: messagePath,
    auth: 'none',
    handle({ state, params, body, parseBody }) {
      const record = requireInteractionWebhook(state, params);
      const message = interactionMessage(state, record, params.messageId ?? '');
      const data = parseBody(interactionMessageSchema, body ?? {});
      const edited = editInteractionMessage(state, message, webhookPatch(message, data));
      if (message.id === record.originalMessageId) record.originalLoading = false;
      state.interactions.changed();
      return { status: 200, body: edited };
    },
  },
  {
    method: 'DELETE',
    path: messagePath,
    auth: 'none',
    handle({ state, params }) {
      const record = requireInteractionWebhook(state, params);
      const message = interactionMessage(state, record, params.messageId ?? '');
      deleteInteractionMessage(state, message);
      if (message.id === record.originalMessageId) record.originalMessageId = null;
      record.followUpIds = record.followUpIds.filter((id) => id !== message.id);
      state.interactions.changed();
      return { status: 204 };
    },
  },
];
