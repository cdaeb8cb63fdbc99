import { ComponentType, InteractionResponseType, MessageFlags, TextInputStyle } from 'discord-api-types/v10';
import { z } from 'zod';
import { choiceSchema } from './command-body.ts';
import { stringSelectSchema } from './component-body.ts';
import { discordIssue, lengthBetween } from './form-body.ts';
import { messageBodySchema } from './message-body.ts';

/**
 * Interaction callback bodies (POST /interactions/{id}/{token}/callback) and webhook message bodies, with
 * Discord's limits. Message data reuses Create Message's schema; EPHEMERAL is the one flag interactions add,
 * so it is read from the raw body and removed before that schema checks the rest.
 */

export function isEphemeral(data: unknown): boolean {
  const flags = (data as { flags?: unknown } | null | undefined)?.flags;
  return typeof flags === 'number' && (flags & MessageFlags.Ephemeral) !== 0;
}

export const interactionMessageSchema = z.preprocess((data) => {
  if (!isEphemeral(data)) return data;
  const { flags, ...rest } = data as { flags: number };
  return { ...rest, flags: flags & ~MessageFlags.Ephemeral };
}, messageBodySchema);

const customId = z.string().superRefine(lengthBetween(1, 100));

const textInputSchema = z
  .object({
    type: z.literal(ComponentType.TextInput),
    id: z.number().int().nullish(),
    custom_id: customId,
    style: z.literal([TextInputStyle.Short, TextInputStyle.Paragraph]),
    label: z.string().superRefine(lengthBetween(1, 45)).nullish(),
    min_length: z.number().int().min(0).max(4000).nullish(),
    max_length: z.number().int().min(1).max(4000).nullish(),
    required: z.boolean().nullish(),
    value: z.string().max(4000).nullish(),
    placeholder: z.string().max(100).nullish(),
  })
  .superRefine((input, context) => {
    if ((input.min_length ?? 0) > (input.max_length ?? 4000))
      context.addIssue({
        code: 'custom',
        path: ['min_length'],
        ...discordIssue('TEXT_INPUT_MIN_LENGTH_INVALID', 'min_length must not exceed max_length.'),
      });
  });

const legacyRowSchema = z
  .object({
    type: z.literal(ComponentType.ActionRow),
    components: z.array(textInputSchema).length(1),
  })
  .superRefine((row, context) => {
    if (!row.components[0]?.label)
      context.addIssue({
        code: 'custom',
        path: ['components', 0, 'label'],
        ...discordIssue('BASE_TYPE_REQUIRED', 'This field is required'),
      });
  });

const labelSchema = z.object({
  type: z.literal(ComponentType.Label),
  id: z.number().int().nullish(),
  label: z.string().superRefine(lengthBetween(1, 45)),
  description: z.string().max(100).nullish(),
  component: z.discriminatedUnion('type', [textInputSchema, stringSelectSchema]),
});

const textDisplaySchema = z.object({
  type: z.literal(ComponentType.TextDisplay),
  id: z.number().int().nullish(),
  content: z.string().superRefine(lengthBetween(1, 4000)),
});

export const modalSchema = z
  .object({
    custom_id: customId,
    title: z.string().superRefine(lengthBetween(1, 45)),
    components: z
      .array(z.discriminatedUnion('type', [legacyRowSchema, labelSchema, textDisplaySchema]))
      .superRefine(lengthBetween(1, 5)),
  })
  .superRefine((modal, context) => {
    const seen = new Set<string>();
    modal.components.forEach((component, index) => {
      const inner =
        component.type === ComponentType.ActionRow
          ? component.components[0]
          : component.type === ComponentType.Label
            ? component.component
            : undefined;
      if (!inner) return;
      if (seen.has(inner.custom_id))
        context.addIssue({
          code: 'custom',
          path: ['components', index],
          ...discordIssue('COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'),
        });
      seen.add(inner.custom_id);
    });
  });

export type ModalBody = z.output<typeof modalSchema>;

export const callbackBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(InteractionResponseType.ChannelMessageWithSource), data: interactionMessageSchema }),
  z.object({
    type: z.literal(InteractionResponseType.DeferredChannelMessageWithSource),
    // With a deferred reply, EPHEMERAL is the only flag Discord accepts.
    data: z.object({ flags: z.literal([0, MessageFlags.Ephemeral]).nullish() }).nullish(),
  }),
  z.object({ type: z.literal(InteractionResponseType.DeferredMessageUpdate), data: z.unknown().optional() }),
  z.object({ type: z.literal(InteractionResponseType.UpdateMessage), data: interactionMessageSchema }),
  z.object({ type: z.literal(InteractionResponseType.Modal), data: modalSchema }),
  // Suggestions for the option being typed: at most 25, each named as a command's choices are.
  z.object({
    type: z.literal(InteractionResponseType.ApplicationCommandAutocompleteResult),
    data: z.object({ choices: z.array(choiceSchema).max(25) }),
  }),
]);

export type CallbackBody = z.output<typeof callbackBodySchema>;
