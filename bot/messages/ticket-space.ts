import { type AnyThreadChannel, type Channel, ChannelType, type TextChannel } from 'discord.js';
import { ticketIdOfTopic } from '../../domain/ticket-channel-mode.ts';

/**
 * Whether people's messages here may belong to a ticket: any thread (a thread-mode ticket), or a text channel whose
 * topic marks it as a ticket's own (channel mode). Told from the gateway's cache, so the messages of a guild's
 * other channels never cost a lookup in Postgres.
 */
export function isTicketSpace(channel: Channel): channel is AnyThreadChannel | TextChannel {
  return channel.isThread() || (channel.type === ChannelType.GuildText && ticketIdOfTopic(channel.topic) !== null);
}
