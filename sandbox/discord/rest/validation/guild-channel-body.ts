import { ChannelType, OverwriteType } from 'discord-api-types/v10';
import { z } from 'zod';
import { discordIssue, lengthBetween } from './form-body.ts';

const snowflake = z.string().regex(/^\d{17,20}$/, 'Value is not snowflake.');

/**
 * Permission bits as Discord takes them: a decimal string (what discord.js sends, and the only exact form above
 * 2^53) or a JSON integer; absent means none.
 */
const permissionBits = z
  .union([z.string().regex(/^\d{1,20}$/, 'Value is not int.'), z.number().int().min(0)])
  .nullish()
  .transform((bits) => String(bits ?? 0));

const overwriteType = z.literal([OverwriteType.Role, OverwriteType.Member]);

/** One permission overwrite in a create or modify body. */
export const overwriteBodySchema = z.object({
  id: snowflake,
  type: overwriteType,
  allow: permissionBits,
  deny: permissionBits,
});

/** Edit Channel Permissions: the overwrite's id is the path's. */
export const putOverwriteBodySchema = z.object({ type: overwriteType, allow: permissionBits, deny: permissionBits });

const channelName = z.string().superRefine(lengthBetween(1, 100));
/** A text channel's topic: Discord takes 0–1024 characters (4096 only in forums, which the sandbox does not model). */
const topic = z.string().max(1024).nullish();
const overwrites = z.array(overwriteBodySchema).max(100).nullish();

/**
 * Create Guild Channel for the kinds the sandbox models: text channels (type 0, the default) and categories
 * (type 4). Position, nsfw and slowmode are accepted and, as the sandbox does not model them, left at defaults.
 */
export const createGuildChannelBodySchema = z
  .object({
    name: channelName,
    type: z
      .literal([ChannelType.GuildText, ChannelType.GuildCategory])
      .nullish()
      .transform((type) => type ?? ChannelType.GuildText),
    topic,
    parent_id: snowflake.nullish(),
    permission_overwrites: overwrites,
    position: z.number().int().min(0).nullish(),
    nsfw: z.boolean().nullish(),
    rate_limit_per_user: z.number().int().min(0).max(21600).nullish(),
  })
  .superRefine((body, context) => {
    if (body.type === ChannelType.GuildCategory && body.parent_id)
      context.addIssue({
        code: 'custom',
        path: ['parent_id'],
        input: body.parent_id,
        ...discordIssue('CHANNEL_PARENT_INVALID_TYPE', 'Categories cannot have subcategories'),
      });
  });

/** Modify Channel for a text channel or a category. */
export const updateGuildChannelBodySchema = z.object({
  name: channelName.nullish(),
  topic,
  parent_id: snowflake.nullish(),
  permission_overwrites: overwrites,
});

/** Leaves JSON integers in overwrite bits as Discord's description types them, so its schema checks the rest. */
export function withNumericOverwriteBits(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const numeric = (overwrite: unknown) => {
    if (typeof overwrite !== 'object' || overwrite === null) return overwrite;
    const { allow, deny } = overwrite as { allow?: unknown; deny?: unknown };
    const asNumber = (bits: unknown) => (typeof bits === 'string' && /^\d+$/.test(bits) ? Number(bits) : bits);
    return { ...overwrite, allow: asNumber(allow), deny: asNumber(deny) };
  };
  const record = body as { permission_overwrites?: unknown };
  if (Array.isArray(record.permission_overwrites))
    return { ...record, permission_overwrites: record.permission_overwrites.map(numeric) };
  return 'allow' in record || 'deny' in record ? numeric(record) : body;
}
