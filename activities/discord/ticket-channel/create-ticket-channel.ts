import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  type APIGuildChannel,
  ChannelType,
  type GuildChannelType,
  type RESTPostAPIGuildChannelJSONBody,
  Routes,
} from 'discord-api-types/v10';
import type { TicketActivities } from '../../../domain/ticket.ts';
import { CATEGORY_CHANNEL_LIMIT, ticketIdOfTopic } from '../../../domain/ticket-channel-mode.ts';
import { invalidInput, withDiscordFailures } from '../failures.ts';
import { requireDiscordIds } from '../input.ts';
import { ticketChannelOverwrites } from './access.ts';

type CreateTicketChannel = TicketActivities['createTicketChannel'];

/** Discord's field error when a category holds its 50 channels (a 400 "Invalid Form Body", code 50035). */
const CATEGORY_FULL = 'CHANNEL_PARENT_MAX_CHANNELS';

/**
 * A private text channel for one ticket, in the first of the guild's ticket categories with room. One listing of
 * the guild's channels (a single request, whatever their number) does both jobs: it finds the channel an earlier
 * attempt made (its topic names the ticket; Discord has no idempotency key for channels) and counts each category's
 * channels. Then one request creates it, its overwrites included. Two requests per ticket; a category that filled
 * meanwhile (another ticket took its last place) is skipped on a new listing.
 */
export function createTicketChannel(rest: REST, botUserId: () => Promise<string>): CreateTicketChannel {
  return (input) =>
    withDiscordFailures(
      async () => {
        const { guildId, categoryIds, ticketId, creatorId, staffRoleIds } = input;
        requireDiscordIds({ guildId, categoryIds, creatorId, staffRoleIds });
        if (categoryIds.length === 0) throw invalidInput('a ticket channel needs at least one ticket category');
        const permission_overwrites = ticketChannelOverwrites({
          guildId,
          botUserId: await botUserId(),
          creatorId,
          staffRoleIds,
        });
        const fullMeanwhile = new Set<string>();
        for (;;) {
          const channels = (await rest.get(Routes.guildChannels(guildId))) as APIGuildChannel<GuildChannelType>[];
          const existing = channels.find((channel) => ticketIdOfTopic(topicOf(channel)) === ticketId);
          if (existing) return { outcome: 'created', channelId: existing.id };
          const categoryId = firstWithRoom(channels, categoryIds, fullMeanwhile);
          if (!categoryId) return { outcome: 'categories_full', categoryCount: categoryIds.length };
          const body: RESTPostAPIGuildChannelJSONBody = {
            name: input.name,
            type: ChannelType.GuildText,
            parent_id: categoryId,
            topic: input.topic,
            permission_overwrites,
          };
          try {
            const created = (await rest.post(Routes.guildChannels(guildId), {
              body,
            })) as APIGuildChannel<GuildChannelType>;
            return { outcome: 'created', channelId: created.id };
          } catch (error) {
            if (!isCategoryFull(error)) throw error;
            fullMeanwhile.add(categoryId);
          }
        }
      },
      { permissions: ['View Channel', 'Manage Channels', 'Manage Roles'], channelId: input.categoryIds[0] ?? '' },
    );
}

/** The first listed category that still exists and holds fewer than Discord's 50 channels. */
function firstWithRoom(
  channels: readonly APIGuildChannel<GuildChannelType>[],
  categoryIds: readonly string[],
  fullMeanwhile: ReadonlySet<string>,
): string | undefined {
  const categories = new Set(channels.filter((c) => c.type === ChannelType.GuildCategory).map((c) => c.id));
  const counts = new Map<string, number>();
  for (const channel of channels) {
    if (channel.parent_id) counts.set(channel.parent_id, (counts.get(channel.parent_id) ?? 0) + 1);
  }
  return categoryIds.find(
    (id) => categories.has(id) && !fullMeanwhile.has(id) && (counts.get(id) ?? 0) < CATEGORY_CHANNEL_LIMIT,
  );
}

function topicOf(channel: APIGuildChannel<GuildChannelType>): string | null {
  return channel.type === ChannelType.GuildText && 'topic' in channel && typeof channel.topic === 'string'
    ? channel.topic
    : null;
}

function isCategoryFull(error: unknown): boolean {
  if (!(error instanceof DiscordAPIError) || error.status !== 400) return false;
  const errors = (error.rawError as { errors?: { parent_id?: { _errors?: { code?: string }[] } } }).errors;
  return errors?.parent_id?._errors?.some((fieldError) => fieldError.code === CATEGORY_FULL) ?? false;
}
