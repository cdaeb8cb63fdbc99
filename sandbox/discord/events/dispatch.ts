import type { GatewayDispatchEvents } from 'discord-api-types/v10';

/**
 * One gateway event the world emits: the state raises these as it changes (and the interaction layer for
 * INTERACTION_CREATE); the gateway delivers each to the sessions allowed to see it.
 */
export interface GatewayDispatch {
  event: GatewayDispatchEvents;
  /** The dispatch's `d`, already in Discord's wire shape. */
  data: unknown;
  /** The guild it happens in; null for events outside guilds (READY-like, user updates). */
  guildId: string | null;
  /** Gateway intent bits a session needs for this event (0: delivered regardless of intents, as interactions are). */
  intents: number;
  /** Only these users' sessions may receive it (a private thread's members); undefined means everyone in the guild. */
  visibleTo?: (userId: string) => boolean;
}

export type DispatchListener = (dispatch: GatewayDispatch) => void;
