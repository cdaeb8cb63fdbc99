import { ChannelType } from 'discord-api-types/v10';
import type { DiscordState } from '../../state/discord-state.ts';
import { type ChannelRecord, isThread } from '../../state/records.ts';
import { DiscordHttpError } from '../errors.ts';
import { invalidField } from './form-body.ts';

/** Discord's limits: 50 channels in a category, 500 channels in a guild (categories count, threads do not). */
export const MAX_CHANNELS_PER_CATEGORY = 50;
export const MAX_GUILD_CHANNELS = 500;

const parentError = (code: string, message: string) => invalidField(['parent_id'], code, message);

/**
 * The category a text channel is created in or moved to. A full category is Discord's own answer, which has no code
 * of its own (discord/discord-api-docs#1289): 400, 50035 Invalid Form Body, CHANNEL_PARENT_MAX_CHANNELS on
 * parent_id. A parent that is no category of this guild is refused on the same field (wording the sandbox's).
 */
export function requireCategoryWithRoom(
  state: DiscordState,
  guildId: string,
  parentId: string,
  movingChannelId: string | null,
): ChannelRecord {
  const category = state.channels.get(parentId);
  if (!category || category.guildId !== guildId || category.type !== ChannelType.GuildCategory)
    throw parentError('CHANNEL_PARENT_INVALID', 'Parent must be a category of this guild');
  const children = [...state.channels.values()].filter(
    (channel) => channel.parentId === parentId && !isThread(channel) && channel.id !== movingChannelId,
  );
  if (children.length >= MAX_CHANNELS_PER_CATEGORY)
    throw parentError(
      'CHANNEL_PARENT_MAX_CHANNELS',
      `Maximum number of channels in category reached (${MAX_CHANNELS_PER_CATEGORY})`,
    );
  return category;
}

/** 400 30013 once the guild has 500 channels. */
export function requireGuildChannelRoom(state: DiscordState, guildId: string): void {
  const count = [...state.channels.values()].filter(
    (channel) => channel.guildId === guildId && !isThread(channel),
  ).length;
  if (count >= MAX_GUILD_CHANNELS)
    throw new DiscordHttpError(400, 30013, `Maximum number of guild channels reached (${MAX_GUILD_CHANNELS})`);
}

/**
 * A text channel's name as Discord stores it: lowercased, each run of whitespace one dash, ASCII punctuation other
 * than `-` and `_` dropped, runs of dashes collapsed ("Ticket 0042 – Alice's" → "ticket-0042-–-alices"; the
 * community-observed rule, e.g. nextcord#957). Categories keep their names as given. Nothing left is refused.
 */
export function textChannelName(name: string): string {
  const stored = name
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[!"#$%&'()*+,./:;<=>?@[\\\]^`{|}~]/g, '')
    .replace(/-{2,}/g, '-');
  if (stored.length === 0 || stored === '-')
    throw invalidField(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  return stored;
}
