import { ChannelType, ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import { z } from 'zod';
import { lengthBetween } from './form-body.ts';

/** Discord archives inactive threads after one of these many minutes; nothing else is accepted. */
const autoArchiveDuration = z.literal([
  ThreadAutoArchiveDuration.OneHour,
  ThreadAutoArchiveDuration.OneDay,
  ThreadAutoArchiveDuration.ThreeDays,
  ThreadAutoArchiveDuration.OneWeek,
]);

const threadName = z.string().superRefine(lengthBetween(1, 100));
const rateLimitPerUser = z.number().int().min(0).max(21600);

/** Start Thread without Message. `type` still defaults to a private thread, as Discord documents. */
export const createThreadBodySchema = z.object({
  name: threadName,
  type: z
    .literal([ChannelType.AnnouncementThread, ChannelType.PublicThread, ChannelType.PrivateThread])
    .nullish()
    .transform((type) => type ?? ChannelType.PrivateThread),
  auto_archive_duration: autoArchiveDuration.nullish(),
  invitable: z.boolean().nullish(),
  rate_limit_per_user: rateLimitPerUser.nullish(),
});

/** Modify Channel for a thread. */
export const updateThreadBodySchema = z.object({
  name: threadName.nullish(),
  archived: z.boolean().nullish(),
  locked: z.boolean().nullish(),
  invitable: z.boolean().nullish(),
  auto_archive_duration: autoArchiveDuration.nullish(),
  rate_limit_per_user: rateLimitPerUser.nullish(),
});

/** Modify Channel for a guild text channel, as far as the sandbox models one. */
export const updateTextChannelBodySchema = z.object({
  name: z.string().superRefine(lengthBetween(1, 100)).nullish(),
  topic: z.string().max(1024).nullish(),
});
