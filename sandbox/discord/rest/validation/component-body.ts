import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { z } from 'zod';
import { discordIssue, lengthBetween } from './form-body.ts';

/**
 * Legacy message components with Discord's limits: up to 5 action rows, each holding up to 5 buttons or
 * exactly one select; custom ids 1–100 characters and unique within the message.
 */

const snowflake = z.string().regex(/^\d{17,20}$/);
const customId = z.string().superRefine(lengthBetween(1, 100));

const emojiSchema = z.object({
  id: snowflake.nullish(),
  name: z.string().nullish(),
  animated: z.boolean().nullish(),
});

const buttonSchema = z
  .object({
    type: z.literal(ComponentType.Button),
    // Premium (6) buttons sell SKUs; the sandbox has none.
    style: z.literal([
      ButtonStyle.Primary,
      ButtonStyle.Secondary,
      ButtonStyle.Success,
      ButtonStyle.Danger,
      ButtonStyle.Link,
    ]),
    label: z.string().max(80).nullish(),
    emoji: emojiSchema.nullish(),
    custom_id: customId.nullish(),
    url: z.string().max(512).nullish(),
    disabled: z.boolean().nullish(),
  })
  .superRefine((button, context) => {
    const isLink = button.style === ButtonStyle.Link;
    if (isLink && !button.url)
      context.addIssue({
        code: 'custom',
        path: ['url'],
        ...discordIssue('BUTTON_URL_REQUIRED', 'A link button needs a url.'),
      });
    if (isLink && button.custom_id)
      context.addIssue({
        code: 'custom',
        path: ['custom_id'],
        ...discordIssue('BUTTON_CUSTOM_ID_NOT_ALLOWED', 'A link button cannot have a custom_id.'),
      });
    if (!isLink && !button.custom_id)
      context.addIssue({
        code: 'custom',
        path: ['custom_id'],
        ...discordIssue('BASE_TYPE_REQUIRED', 'This field is required'),
      });
    // An emoji names a unicode emoji or a custom one by id; `{}` is no emoji (bwmarrin/discordgo#1479, #1504).
    const emoji = button.emoji && (button.emoji.id || button.emoji.name) ? button.emoji : null;
    if (button.emoji && !emoji)
      context.addIssue({
        code: 'custom',
        path: ['emoji', 'name'],
        ...discordIssue('BUTTON_COMPONENT_INVALID_EMOJI', 'Invalid emoji'),
      });
    // A button shows a label, an emoji or both; Discord reports the missing label (discordjs/discord.js#5675).
    else if (!button.label && !emoji)
      context.addIssue({
        code: 'custom',
        path: ['label'],
        ...discordIssue('BASE_TYPE_REQUIRED', 'This field is required'),
      });
  });

const selectCommon = {
  custom_id: customId,
  placeholder: z.string().max(150).nullish(),
  min_values: z.number().int().min(0).max(25).nullish(),
  max_values: z.number().int().min(1).max(25).nullish(),
  disabled: z.boolean().nullish(),
};

export const selectOptionSchema = z.object({
  label: z.string().superRefine(lengthBetween(1, 100)),
  value: z.string().superRefine(lengthBetween(1, 100)),
  description: z.string().max(100).nullish(),
  emoji: emojiSchema.nullish(),
  default: z.boolean().nullish(),
});

export const stringSelectSchema = z.object({
  type: z.literal(ComponentType.StringSelect),
  ...selectCommon,
  options: z.array(selectOptionSchema).superRefine(lengthBetween(1, 25)),
  required: z.boolean().nullish(),
});

const autoPopulatedSelectSchema = z.object({
  type: z.literal([
    ComponentType.UserSelect,
    ComponentType.RoleSelect,
    ComponentType.MentionableSelect,
    ComponentType.ChannelSelect,
  ]),
  ...selectCommon,
  channel_types: z.array(z.number().int()).nullish(),
  default_values: z
    .array(z.object({ id: snowflake, type: z.enum(['user', 'role', 'channel']) }))
    .max(25)
    .nullish(),
});

const actionRowSchema = z
  .object({
    type: z.literal(ComponentType.ActionRow),
    // By type, as Discord tells them apart: an unknown type is UNION_TYPE_CHOICES on the component.
    components: z
      .array(z.discriminatedUnion('type', [buttonSchema, stringSelectSchema, autoPopulatedSelectSchema]))
      .superRefine(lengthBetween(1, 5)),
  })
  .superRefine((row, context) => {
    if (row.components.some((component) => component.type !== ComponentType.Button) && row.components.length > 1)
      context.addIssue({
        code: 'custom',
        path: ['components'],
        ...discordIssue('COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'A select menu takes a whole action row.'),
      });
    row.components.forEach((component, index) => {
      if (component.type === ComponentType.Button) return;
      const min = component.min_values ?? 1;
      const max = component.max_values ?? 1;
      const offered = component.type === ComponentType.StringSelect ? component.options.length : 25;
      if (min > max || max > offered)
        context.addIssue({
          code: 'custom',
          path: ['components', index, 'max_values'],
          ...discordIssue(
            'SELECT_COMPONENT_MAX_VALUES_INVALID',
            `max_values must be between min_values and the ${offered} options offered.`,
          ),
        });
    });
  });

/** A message's `components`: rows, with every custom id unique across the message. */
export const messageComponentsSchema = z
  .array(actionRowSchema)
  .max(5)
  .superRefine((rows, context) => {
    const seen = new Set<string>();
    rows.forEach((row, rowIndex) => {
      row.components.forEach((component, index) => {
        if (!component.custom_id) return;
        if (seen.has(component.custom_id))
          context.addIssue({
            code: 'custom',
            path: [rowIndex, 'components', index, 'custom_id'],
            ...discordIssue('COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated'),
          });
        seen.add(component.custom_id);
      });
    });
  });

export type MessageComponentsBody = z.output<typeof messageComponentsSchema>;

/**
 * Echoes validated rows as Discord stores them: nulls dropped, `disabled` always present, selects with their
 * value bounds, and every component numbered (`id`) in order through the message, as Discord numbers them.
 */
export function toApiComponents(
  rows: MessageComponentsBody | null | undefined,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  let nextId = 1;
  return (rows ?? []).map((row) => ({
    type: ComponentType.ActionRow,
    id: nextId++,
    components: row.components.map(
      (component) =>
        ({
          ...withoutNulls(component),
          id: nextId++,
          disabled: component.disabled ?? false,
          ...(component.type === ComponentType.Button
            ? {}
            : { min_values: component.min_values ?? 1, max_values: component.max_values ?? 1 }),
          ...(component.type === ComponentType.StringSelect
            ? { options: component.options.map((option) => withoutNulls(option)) }
            : {}),
        }) as APIComponentInMessageActionRow,
    ),
  }));
}

function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as T;
}
