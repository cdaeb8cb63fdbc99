import { ApplicationCommandOptionType, ApplicationCommandType, Locale } from 'discord-api-types/v10';
import { z } from 'zod';
import { discordIssue, lengthBetween } from './form-body.ts';

/** Application command bodies with Discord's limits (names, descriptions, options, choices, 8,000 characters). */

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const commandName = z
  .string()
  .superRefine(lengthBetween(1, 32))
  .superRefine((name, context) => {
    if (!NAME.test(name) || name !== name.toLowerCase())
      context.addIssue({
        code: 'custom',
        ...discordIssue('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'),
      });
  });
const description = z.string().superRefine(lengthBetween(1, 100));

const LOCALES: ReadonlySet<string> = new Set(Object.values(Locale));

/**
 * A field's translations, keyed by Discord locale (`de`, `pt-BR`, …), each held to the field's own rules: a
 * command or option name's translation must be a valid name too (lowercase, no spaces). An unknown locale is
 * refused on its key (wording the sandbox's).
 */
function localizationsOf(value: z.ZodType<string>) {
  return z
    .record(z.string(), value)
    .superRefine((translations, context) => {
      for (const locale of Object.keys(translations))
        if (!LOCALES.has(locale))
          context.addIssue({
            code: 'custom',
            path: [locale],
            ...discordIssue('LOCALE_INVALID', `Invalid locale: ${locale}`),
          });
    })
    .nullish();
}
const nameLocalizations = localizationsOf(commandName);
const descriptionLocalizations = localizationsOf(description);

const choiceName = z.string().superRefine(lengthBetween(1, 100));
export const choiceSchema = z.object({
  name: choiceName,
  name_localizations: localizationsOf(choiceName),
  value: z.union([z.string().max(100), z.number()]),
});

const valueOptionSchema = z
  .object({
    type: z.literal([
      ApplicationCommandOptionType.String,
      ApplicationCommandOptionType.Integer,
      ApplicationCommandOptionType.Boolean,
      ApplicationCommandOptionType.User,
      ApplicationCommandOptionType.Channel,
      ApplicationCommandOptionType.Role,
      ApplicationCommandOptionType.Mentionable,
      ApplicationCommandOptionType.Number,
      ApplicationCommandOptionType.Attachment,
    ]),
    name: commandName,
    name_localizations: nameLocalizations,
    description,
    description_localizations: descriptionLocalizations,
    required: z.boolean().nullish(),
    choices: z.array(choiceSchema).max(25).nullish(),
    channel_types: z.array(z.number().int()).nullish(),
    min_value: z.number().nullish(),
    max_value: z.number().nullish(),
    min_length: z.number().int().min(0).max(6000).nullish(),
    max_length: z.number().int().min(1).max(6000).nullish(),
    autocomplete: z.boolean().nullish(),
  })
  .superRefine((option, context) => {
    // Discord's docs: only text and number options suggest values, and never beside fixed choices.
    if (!option.autocomplete) return;
    const suggestible: number[] = [
      ApplicationCommandOptionType.String,
      ApplicationCommandOptionType.Integer,
      ApplicationCommandOptionType.Number,
    ];
    if (!suggestible.includes(option.type))
      context.addIssue({
        code: 'custom',
        path: ['autocomplete'],
        ...discordIssue(
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Autocomplete is only for string, integer and number options',
        ),
      });
    if (option.choices?.length)
      context.addIssue({
        code: 'custom',
        path: ['autocomplete'],
        ...discordIssue('APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES', 'Autocomplete cannot be set with choices'),
      });
  });

type ValueOption = z.infer<typeof valueOptionSchema>;

/** Required options must come before optional ones, and names are unique among siblings. */
function checkSiblings(options: { name: string; required?: boolean | null }[], context: z.RefinementCtx): void {
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, index) => {
    if (names.has(option.name))
      context.addIssue({
        code: 'custom',
        path: [index, 'name'],
        ...discordIssue('APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique'),
      });
    names.add(option.name);
    if (option.required && optionalSeen)
      context.addIssue({
        code: 'custom',
        path: [index, 'required'],
        ...discordIssue(
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        ),
      });
    if (!option.required) optionalSeen = true;
  });
}

const valueOptionsSchema = z.array(valueOptionSchema).max(25).superRefine(checkSiblings);

const subcommandSchema = z.object({
  type: z.literal(ApplicationCommandOptionType.Subcommand),
  name: commandName,
  name_localizations: nameLocalizations,
  description,
  description_localizations: descriptionLocalizations,
  options: valueOptionsSchema.nullish(),
});

const groupSchema = z.object({
  type: z.literal(ApplicationCommandOptionType.SubcommandGroup),
  name: commandName,
  name_localizations: nameLocalizations,
  description,
  description_localizations: descriptionLocalizations,
  options: z.array(subcommandSchema).superRefine(lengthBetween(1, 25)).superRefine(checkSiblings),
});

const topLevelOptionsSchema = z
  .array(z.union([subcommandSchema, groupSchema, valueOptionSchema]))
  .max(25)
  .superRefine((options, context) => {
    checkSiblings(options as ValueOption[], context);
    const nested = options.filter(
      (option) =>
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (nested.length > 0 && nested.length < options.length)
      context.addIssue({
        code: 'custom',
        ...discordIssue(
          'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
          'Sub-command and sub-command group option types are mutually exclusive to all other types',
        ),
      });
  });

/** Discord's cap on one command's combined size (`commandSize`). */
export const COMMAND_SIZE_MAX = 8000;

/**
 * Names, descriptions and choice values of the whole tree: Discord caps their sum at 8,000 characters, counting
 * for each field only its longest text among the default and its localizations (Discord's docs).
 */
export function commandSize(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + commandSize(item), 0);
  if (!value || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  const longest = (field: string) =>
    Math.max(
      typeof record[field] === 'string' ? (record[field] as string).length : 0,
      ...Object.values((record[`${field}_localizations`] as Record<string, string> | null | undefined) ?? {}).map(
        (text) => text.length,
      ),
    );
  return (
    longest('name') +
    longest('description') +
    (typeof record.value === 'string' ? record.value.length : 0) +
    commandSize(record.options) +
    commandSize(record.choices)
  );
}

export const commandBodySchema = z
  .object({
    type: z
      .literal([ApplicationCommandType.ChatInput, ApplicationCommandType.User, ApplicationCommandType.Message])
      .nullish(),
    name: z.string().superRefine(lengthBetween(1, 32)),
    // Context menu commands' names may hold capitals and spaces; chat input ones are checked below.
    name_localizations: localizationsOf(z.string().superRefine(lengthBetween(1, 32))),
    description: z.string().max(100).nullish(),
    description_localizations: descriptionLocalizations,
    options: topLevelOptionsSchema.nullish(),
    default_member_permissions: z.string().regex(/^\d+$/).nullish(),
    dm_permission: z.boolean().nullish(),
    nsfw: z.boolean().nullish(),
    contexts: z.array(z.number().int()).nullish(),
    integration_types: z.array(z.number().int()).nullish(),
  })
  .superRefine((command, context) => {
    const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    if (chatInput && !commandName.safeParse(command.name).success)
      context.addIssue({
        code: 'custom',
        path: ['name'],
        ...discordIssue('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'),
      });
    for (const [locale, name] of Object.entries(command.name_localizations ?? {}))
      if (chatInput && !commandName.safeParse(name).success)
        context.addIssue({
          code: 'custom',
          path: ['name_localizations', locale],
          ...discordIssue('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'),
        });
    if (chatInput && !command.description)
      context.addIssue({
        code: 'custom',
        path: ['description'],
        ...discordIssue('BASE_TYPE_REQUIRED', 'This field is required'),
      });
    if (!chatInput && (command.description || command.options?.length))
      context.addIssue({
        code: 'custom',
        path: ['description'],
        ...discordIssue(
          'APPLICATION_COMMAND_CONTEXT_MENU_INVALID',
          'Context menu commands cannot have a description or options',
        ),
      });
    if (commandSize(command) > COMMAND_SIZE_MAX)
      context.addIssue({
        code: 'custom',
        ...discordIssue('APPLICATION_COMMAND_TOO_LARGE', 'Command exceeds maximum size (8000)'),
      });
  });

export const commandListSchema = z
  .array(commandBodySchema)
  .max(100 + 15 + 15)
  .superRefine((commands, context) => {
    const seen = new Set<string>();
    commands.forEach((command, index) => {
      const key = `${command.type ?? 1}:${command.name}`;
      if (seen.has(key))
        context.addIssue({
          code: 'custom',
          path: [index, 'name'],
          ...discordIssue('APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`),
        });
      seen.add(key);
    });
  });

export type CommandBody = z.output<typeof commandBodySchema>;

/** A command's `default_member_permissions` as the integer Discord's description types it; the route checks the rest. */
export function withNumericDefaultPermissions(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { default_member_permissions: bits } = body as { default_member_permissions?: unknown };
  return typeof bits === 'string' && /^\d+$/.test(bits) ? { ...body, default_member_permissions: Number(bits) } : body;
}
