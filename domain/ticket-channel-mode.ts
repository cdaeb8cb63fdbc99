import { ticketThreadName } from './ticket-naming.ts';

/** Where a ticket type's tickets live: a private thread of the ticket channel, or a private channel of its own. */
export const TICKET_MODES = ['thread', 'channel'] as const;
export type TicketMode = (typeof TICKET_MODES)[number];

/** Discord refuses a 51st channel in a category. */
export const CATEGORY_CHANNEL_LIMIT = 50;

/**
 * Staff hear that every category is full at most this often per guild: once is enough to act on, and a burst of
 * refused opens (a busy evening) must not fill their channel.
 */
export const CATEGORIES_FULL_NOTICE_EVERY_MS = 6 * 3_600_000;

/**
 * The topic of a ticket's channel ends with this marker and the ticket's id. Discord has no idempotency key for
 * channels, so a retried creation finds the channel an earlier attempt made by it; the bot also knows a ticket
 * channel by it without asking Postgres about every message in the guild.
 */
const TOPIC_MARKER = 'ticketflow:';

/** `Ticket #0042 · ticketflow:<ticket id>`. */
export function ticketChannelTopic(label: string, ticketId: string): string {
  return `Ticket ${label} · ${TOPIC_MARKER}${ticketId}`;
}

/** The ticket id a channel's topic carries, or null when it is no ticket channel. */
export function ticketIdOfTopic(topic: string | null | undefined): string | null {
  const at = topic?.lastIndexOf(TOPIC_MARKER) ?? -1;
  if (!topic || at < 0) return null;
  const id = topic.slice(at + TOPIC_MARKER.length).trim();
  return id.length > 0 ? id : null;
}

/**
 * The channel name: the thread's name (number first, so staff sort and find tickets by number) in the form Discord
 * gives text channels anyway (lowercase, dashes for spaces), so what is sent is what the channel shows.
 */
export function ticketChannelName(number: number, typeKey: string, creatorName: string): string {
  return ticketThreadName(number, typeKey, creatorName).toLowerCase().replace(/\s+/g, '-');
}

/** Why a configuration cannot open its channel-mode types: they need somewhere to open. Empty when it can. */
export function channelModeProblems(config: {
  ticketCategoryIds: readonly string[];
  ticketTypes: readonly { key: string; mode: TicketMode }[];
}): { path: string; message: string }[] {
  if (config.ticketCategoryIds.length > 0) return [];
  return config.ticketTypes.flatMap((type, index) =>
    type.mode === 'channel'
      ? [
          {
            path: `ticketTypes.${index}.mode`,
            message: `type "${type.key}" opens tickets as channels, which needs at least one ticket category`,
          },
        ]
      : [],
  );
}
