import {
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
} from 'discord-api-types/v10';
import { resolvedFor } from '../interactions/interaction-payload.ts';
import type { InteractionStart } from '../interactions/start-interaction.ts';
import { channelPermissions, hasPermission } from '../permissions/compute.ts';
import { canSeeChannel } from '../permissions/visibility.ts';
import type { DiscordState } from '../state/discord-state.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';

export interface SlashCommandInput {
  group?: string;
  subcommand?: string;
  options?: Record<string, string | number | boolean>;
}

/** A command being filled in: the options given so far, and the one being typed (`focused`) with its text so far. */
export interface AutocompleteInput extends Omit<SlashCommandInput, 'options'> {
  options?: Record<string, string | number | boolean>;
  focused: { name: string; typed: string };
}

type ValueOption = Exclude<
  APIApplicationCommandOption,
  { type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup }
>;

/**
 * What the client sends for `/name [group] [subcommand] options…`: only a registered guild command the user may
 * use, with options checked against its definition as Discord's command picker checks them.
 */
export function slashCommandStart(
  state: DiscordState,
  userId: string,
  channelId: string,
  name: string,
  input: SlashCommandInput,
): InteractionStart {
  return commandStart(state, userId, channelId, name, input, null);
}

/**
 * What the client sends while the user types in an option with autocomplete: the options filled so far (required
 * ones may still be missing), and the focused one with its text so far, whatever its type (it is not yet a value).
 */
export function autocompleteStart(
  state: DiscordState,
  userId: string,
  channelId: string,
  name: string,
  input: AutocompleteInput,
): InteractionStart {
  return commandStart(state, userId, channelId, name, input, input.focused);
}

function commandStart(
  state: DiscordState,
  userId: string,
  channelId: string,
  name: string,
  input: SlashCommandInput,
  focused: AutocompleteInput['focused'] | null,
): InteractionStart {
  const channel = state.channels.get(channelId);
  if (!channel) throw new SandboxDriverError(`there is no channel ${channelId}`);
  const command = state.commands.byName(channel.guildId, name, ApplicationCommandType.ChatInput);
  if (!command) throw new SandboxDriverError(`/${name} is not registered in this guild`);
  const required = command.default_member_permissions;
  if (required && !hasPermission(channelPermissions(state, channelId, userId), BigInt(required)))
    throw new SandboxDriverError(`user ${userId} may not use /${name} (default_member_permissions ${required})`);

  const ids = { users: [] as string[], roles: [] as string[], channels: [] as string[] };
  const leaf = selectLeaf(command, input);
  const values = valueOptions(state, channel.guildId, userId, leaf.options, input.options ?? {}, ids, focused !== null);
  if (focused) values.push(focusedValue(leaf.options, input.options ?? {}, focused));
  let options: APIApplicationCommandInteractionDataOption[] = values;
  if (input.subcommand)
    options = [{ type: ApplicationCommandOptionType.Subcommand, name: input.subcommand, options: values as never }];
  if (input.group)
    options = [
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: input.group,
        options: options as never,
      },
    ];
  const resolved = resolvedFor(state, channelId, userId, ids);
  return {
    applicationId: command.application_id,
    type: focused ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
    userId,
    channelId,
    sourceMessageId: null,
    body: {
      data: {
        id: command.id,
        name: command.name,
        type: ApplicationCommandType.ChatInput,
        guild_id: channel.guildId,
        ...(options.length ? { options } : {}),
        ...(Object.keys(resolved).length ? { resolved } : {}),
      },
    },
  };
}

/** The option list the user fills: the command's, its subcommand's, or its group's subcommand's. */
function selectLeaf(command: APIApplicationCommand, input: SlashCommandInput): { options: ValueOption[] } {
  let options = command.options ?? [];
  const path = [`/${command.name}`];
  for (const [level, wanted, type] of [
    ['group', input.group, ApplicationCommandOptionType.SubcommandGroup],
    ['subcommand', input.subcommand, ApplicationCommandOptionType.Subcommand],
  ] as const) {
    const available = options.filter((option) => option.type === type);
    if (!wanted) {
      // Discord lets groups and plain subcommands sit side by side (`/ticket list` beside `/ticket-config show`).
      const subcommandsBeside =
        type === ApplicationCommandOptionType.SubcommandGroup &&
        options.some((option) => option.type === ApplicationCommandOptionType.Subcommand);
      if (available.length && !subcommandsBeside) throw new SandboxDriverError(`${path.join(' ')} needs a ${level}`);
      continue;
    }
    const found = available.find((option) => option.name === wanted);
    if (!found) throw new SandboxDriverError(`${path.join(' ')} has no ${level} ${wanted}`);
    path.push(wanted);
    options = ('options' in found ? found.options : undefined) ?? [];
  }
  return { options: options as ValueOption[] };
}

/** The option being typed, sent as text with `focused`; only an option with autocomplete asks the app. */
function focusedValue(
  definitions: ValueOption[],
  given: Record<string, string | number | boolean>,
  focused: AutocompleteInput['focused'],
): APIApplicationCommandInteractionDataOption {
  const definition = definitions.find((option) => option.name === focused.name);
  if (!definition) throw new SandboxDriverError(`no option ${focused.name}`);
  if (!('autocomplete' in definition && definition.autocomplete))
    throw new SandboxDriverError(`option ${focused.name} has no autocomplete`);
  if (focused.name in given) throw new SandboxDriverError(`option ${focused.name} is the one being typed`);
  return { name: focused.name, type: definition.type, value: focused.typed, focused: true } as never;
}

function valueOptions(
  state: DiscordState,
  guildId: string,
  userId: string,
  definitions: ValueOption[],
  given: Record<string, string | number | boolean>,
  ids: { users: string[]; roles: string[]; channels: string[] },
  stillTyping = false,
): APIApplicationCommandInteractionDataOption[] {
  for (const name of Object.keys(given))
    if (!definitions.some((option) => option.name === name)) throw new SandboxDriverError(`no option ${name}`);
  const options: APIApplicationCommandInteractionDataOption[] = [];
  for (const definition of definitions) {
    const value = given[definition.name];
    if (value === undefined) {
      if (definition.required && !stillTyping) throw new SandboxDriverError(`option ${definition.name} is required`);
      continue;
    }
    checkValue(state, guildId, userId, definition, value, ids);
    options.push({ name: definition.name, type: definition.type, value } as APIApplicationCommandInteractionDataOption);
  }
  return options;
}

function checkValue(
  state: DiscordState,
  guildId: string,
  userId: string,
  option: ValueOption,
  value: string | number | boolean,
  ids: { users: string[]; roles: string[]; channels: string[] },
): void {
  const refuse = (why: string) => new SandboxDriverError(`option ${option.name}: ${why}`);
  const choices = 'choices' in option ? option.choices : undefined;
  if (choices?.length && !choices.some((choice) => choice.value === value))
    throw refuse(`${value} is not one of its choices`);
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      if (typeof value !== 'string') throw refuse('wants text');
      if (value.length < (option.min_length ?? 0) || value.length > (option.max_length ?? 6000))
        throw refuse(`length ${value.length} is outside ${option.min_length ?? 0}–${option.max_length ?? 6000}`);
      return;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      if (
        typeof value !== 'number' ||
        (option.type === ApplicationCommandOptionType.Integer && !Number.isInteger(value))
      )
        throw refuse(option.type === ApplicationCommandOptionType.Integer ? 'wants an integer' : 'wants a number');
      if (value < (option.min_value ?? -Infinity) || value > (option.max_value ?? Infinity))
        throw refuse(`${value} is out of range`);
      return;
    case ApplicationCommandOptionType.Boolean:
      if (typeof value !== 'boolean') throw refuse('wants true or false');
      return;
    case ApplicationCommandOptionType.User:
      if (typeof value !== 'string' || !state.users.has(value)) throw refuse(`no user ${value}`);
      ids.users.push(value);
      return;
    case ApplicationCommandOptionType.Role:
      if (typeof value !== 'string' || state.roles.get(value)?.guildId !== guildId) throw refuse(`no role ${value}`);
      ids.roles.push(value);
      return;
    case ApplicationCommandOptionType.Mentionable:
      if (typeof value === 'string' && state.roles.get(value)?.guildId === guildId) ids.roles.push(value);
      else if (typeof value === 'string' && state.users.has(value)) ids.users.push(value);
      else throw refuse(`no user or role ${value}`);
      return;
    case ApplicationCommandOptionType.Channel: {
      const channel = typeof value === 'string' ? state.channels.get(value) : undefined;
      if (!channel || channel.guildId !== guildId || !canSeeChannel(state, channel.id, userId))
        throw refuse(`no channel ${value} the user can see`);
      if (option.channel_types?.length && !option.channel_types.includes(channel.type as never))
        throw refuse(`channel ${value} is not of an allowed type`);
      ids.channels.push(value as string);
      return;
    }
    default:
      throw refuse('attachments cannot be uploaded through the sandbox driver');
  }
}
