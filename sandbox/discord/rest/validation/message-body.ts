import { AllowedMentionsTypes, MessageFlags } from 'discord-api-types/v10';
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

export const messageBodySchema = z
  .object({
    content: z.string().max(2000).nullish(),
    embeds: z.array(embedSchema).max(10).nullish(),
    components: messageComponentsSchema.nullish(),
    allowed_mentions: allowedMentionsSchema.nullish(),
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
    if ((body.embeds ?? []).reduce((sum, embed) => sum + embedLength(embed), 0) > 6000) {
      context.addIssue({
        code: 'custom',
        path: ['embeds'],
        ...discordIssue('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000'),
      });
    }
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

export type MessageBody = z.output<typeof messageBodySchema>;
export type EmbedBody = z.output<typeof embedSchema>;
