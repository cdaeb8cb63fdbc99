import { GatewayDispatchEvents, type InteractionType } from 'discord-api-types/v10';
import type { DiscordState } from '../state/discord-state.ts';
import { interactionEnvelope } from './interaction-payload.ts';
import type { InteractionRecord } from './interaction-store.ts';

export interface InteractionStart {
  applicationId: string;
  type: InteractionType;
  userId: string;
  channelId: string;
  /** The component message it came from, if any. */
  sourceMessageId: string | null;
  /** For a modal submit: the interaction that showed the modal. */
  triggeredById?: string | null;
  /** The type-specific part of the payload: `data`, and `message` for components. */
  body: Record<string, unknown>;
}

/** Records an interaction and sends INTERACTION_CREATE to the application's bot (interactions need no intent). */
export function startInteraction(state: DiscordState, start: InteractionStart): InteractionRecord {
  // Discord gives a bot application the id of its bot user.
  const bot = state.botByUserId(start.applicationId);
  const channel = state.messageChannel(start.channelId);
  if (!bot || !channel) throw new Error('an interaction needs a known application and channel');
  const origin = { ...start, botUserId: bot.userId };
  const record = state.interactions.create({
    ...origin,
    triggeredById: start.triggeredById ?? null,
    guildId: channel.guildId,
    payload: (id, token) =>
      ({ ...interactionEnvelope(state, origin, id, token), ...start.body }) as InteractionRecord['payload'],
  });
  state.dispatch({
    event: GatewayDispatchEvents.InteractionCreate,
    data: record.payload,
    guildId: channel.guildId,
    intents: 0,
    visibleTo: (userId) => userId === bot.userId,
  });
  return record;
}
