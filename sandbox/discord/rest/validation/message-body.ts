import {
  AllowedMentionsTypes,
  type APIAllowedMentions,
  type APIEmbed,
  EmbedType,
  MessageFlags,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { messageComponentsSchema } from './component-body.ts';
import { discordIssue, lengthBetween } from './form-body.ts';

/** Create Message's body with Discord's limits; components are legacy action rows (component-body.ts). */

const snowflake = z.string().regex(/^\d{17,20}$/);

const embedSchema = z.object({
  title: z.string().max(256).nullish(),
  description: z.string().max(4096).nullish(),
  url: z.string().max(2048).nullish(),
  color: z.number().int().min(0).max(0xffffff).nullish(),
  timestamp: z.iso.datetime({ offset: true }).nullish(),
  footer: z
    .object({ text: z.string().superRefine(lengthBetween(1, 2048)), icon_url: z.string().max(2048).nullish() })
    .nullish(),
  author: z
    .object({ name: z.string().superRefine(lengthBetween(1, 256)), url: z.string().max(2048).nullish() })
    .nullish(),
  fields: z
    .array(
      z.object({
        name: z.string().superRefine(lengthBetween(1, 256)),
        value: z.string().superRefine(lengthBetween(1, 1024)),
        inline: z.boolean().nullish(),
      }),
    )
    .max(25)
    .nullish(),
});
type Embed = z.infer<typeof embedSchema>;

/** Discord's 6,000-character budget counts these texts across all embeds of a message. */
function embedLength(embed: Embed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

const allowedMentionsSchema = z
  .object({
    parse: z.array(z.enum(AllowedMentionsTypes)).nullish(),
    users: z.array(snowflake).max(100).nullish(),
    roles: z.array(snowflake).max(100).nullish(),
    replied_user: z.boolean().nullish(),
  })
  .superRefine((allowed, context) => {
    for (const [kind, list] of [
      [AllowedMentionsTypes.User, allowed.users],
      [AllowedMentionsTypes.Role, allowed.roles],
    ] as const) {
      if (allowed.parse?.includes(kind) && list?.length) {
        context.addIssue({
          code: 'custom',
          path: [],
          ...discordIssue(
            'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
            `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
          ),
        });
      }
    }
  });

/** Flags a bot may set when creating a message (suppress embeds, suppress notifications). */
const SETTABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications;

/** What a message says, on create and on edit. */
const messageContent = {
  content: z.string().max(2000).nullish(),
  embeds: z.array(embedSchema).max(10).nullish(),
  components: messageComponentsSchema.nullish(),
  allowed_mentions: allowedMentionsSchema.nullish(),
};

function checkEmbedSize(body: { embeds?: Embed[] | null }, context: z.RefinementCtx): void {
  if ((body.embeds ?? []).reduce((sum, embed) => sum + embedLength(embed), 0) > 6000) {
    context.addIssue({
      code: 'custom',
      path: ['embeds'],
      ...discordIssue('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000'),
    });
  }
}

export const messageBodySchema = z
  .object({
    ...messageContent,
    nonce: z.union([z.string(), z.number().int()]).nullish(),
    enforce_nonce: z.boolean().nullish(),
    tts: z.boolean().nullish(),
    flags: z.number().int().nullish(),
  })
  .superRefine((body, context) => {
    if (typeof body.nonce === 'string' && body.nonce.length > 25) {
      context.addIssue({
        code: 'custom',
        path: ['nonce'],
        ...discordIssue('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.'),
      });
    }
    checkEmbedSize(body, context);
    if (body.flags && (body.flags & ~SETTABLE_FLAGS) !== 0) {
      context.addIssue({
        code: 'custom',
        path: ['flags'],
        ...discordIssue(
          'MESSAGE_FLAGS_INVALID',
          'The sandbox accepts only SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS.',
        ),
      });
    }
  });

/** Edit Message: every field optional; flags other than SUPPRESS_EMBEDS are ignored, as Discord documents. */
export const messageEditBodySchema = z
  .object({ ...messageContent, flags: z.number().int().nullish() })
  .superRefine(checkEmbedSize);

export type MessageBody = z.output<typeof messageBodySchema>;
export type MessageEditBody = z.output<typeof messageEditBodySchema>;
export type EmbedBody = z.output<typeof embedSchema>;

/** Echoes an embed the way Discord stores it: type "rich", absent fields left out. */
export function toApiEmbed(embed: EmbedBody): APIEmbed {
  const api: APIEmbed = { type: EmbedType.Rich };
  if (embed.title) api.title = embed.title;
  if (embed.description) api.description = embed.description;
  if (embed.url) api.url = embed.url;
  if (embed.color !== null && embed.color !== undefined) api.color = embed.color;
  if (embed.timestamp) api.timestamp = embed.timestamp;
  if (embed.footer)
    api.footer = { text: embed.footer.text, ...(embed.footer.icon_url ? { icon_url: embed.footer.icon_url } : {}) };
  if (embed.author) api.author = { name: embed.author.name, ...(embed.author.url ? { url: embed.author.url } : {}) };
  if (embed.fields)
    api.fields = embed.fields.map((field) => ({ name: field.name, value: field.value, inline: field.inline ?? false }));
  return api;
}

export function toApiAllowedMentions(allowed: MessageBody['allowed_mentions']): APIAllowedMentions | null {
  if (!allowed) return null;
  return { parse: allowed.parse ?? [], users: allowed.users ?? [], roles: allowed.roles ?? [] };
}
