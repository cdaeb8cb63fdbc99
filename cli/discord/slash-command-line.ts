import {
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
} from 'discord-api-types/v10';
import type { GuildDirectory } from './guild-directory.ts';
import { CliError } from './sandbox-client.ts';

/** The driver's runSlashCommand input. */
export interface SlashCommandCall {
  name: string;
  group?: string;
  subcommand?: string;
  options: Record<string, string | number | boolean>;
}

const OPTION_START = /(?:^|\s)([\w-]+):/g;

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/s.exec(value);
  return match?.[2] ?? value;
}

/** `name:value` pairs; a value runs to the next ` name:`, as in Discord's command box. */
function splitOptions(text: string): { head: string; pairs: [string, string][] } {
  const starts = [...text.matchAll(OPTION_START)];
  const head = text.slice(0, starts[0]?.index ?? text.length).trim();
  const pairs = starts.map((match, i): [string, string] => {
    const valueStart = (match.index ?? 0) + match[0].length;
    const valueEnd = starts[i + 1]?.index ?? text.length;
    return [match[1] ?? '', unquote(text.slice(valueStart, valueEnd).trim())];
  });
  return { head, pairs };
}

const ofType = (type: ApplicationCommandOptionType) => (option: APIApplicationCommandOption) => option.type === type;

/**
 * `/ticket close reason:Solved`, `/ticket-config staff-role add role:@Staff`: the command's words become group
 * and subcommand by the registered definition, and each value is typed by its option (numbers, true/false, and
 * members, roles and channels by name).
 */
export function parseSlashCommand(
  line: string,
  commands: APIApplicationCommand[],
  directory: GuildDirectory,
): SlashCommandCall {
  const { head, pairs } = splitOptions(line.trim());
  const [first = '', ...words] = head.split(/\s+/);
  if (!first.startsWith('/') || first.length < 2)
    throw new CliError(`a command starts with its name, like "/ticket close reason:Solved", not "${line}"`);
  const name = first.slice(1);
  const chatCommands = commands.filter((command) => command.type === ApplicationCommandType.ChatInput);
  const command = chatCommands.find((each) => each.name === name);
  if (!command)
    throw new CliError(
      chatCommands.length
        ? `/${name} is not a command here; there is ${chatCommands.map((each) => `/${each.name}`).join(', ')}`
        : `/${name} is not registered in this guild: the bot registers its commands when it starts. Is it running?`,
    );
  let options = command.options ?? [];
  const path: string[] = [];
  const call: SlashCommandCall = { name, options: {} };
  for (const word of words) {
    const nested = options.find(
      (option) =>
        option.name === word &&
        (option.type === ApplicationCommandOptionType.SubcommandGroup ||
          option.type === ApplicationCommandOptionType.Subcommand),
    );
    const offered = options
      .filter(ofType(ApplicationCommandOptionType.SubcommandGroup))
      .concat(options.filter(ofType(ApplicationCommandOptionType.Subcommand)))
      .map((option) => option.name);
    if (!nested)
      throw new CliError(
        `/${[name, ...path].join(' ')} has no "${word}"${offered.length ? `; it has ${offered.join(', ')}` : ''}`,
      );
    if (nested.type === ApplicationCommandOptionType.SubcommandGroup) call.group = word;
    else call.subcommand = word;
    path.push(word);
    options = ('options' in nested ? nested.options : undefined) ?? [];
  }
  for (const [optionName, raw] of pairs) {
    const option = options.find((each) => each.name === optionName);
    if (!option) {
      const names = options.map((each) => `${each.name}:`).join(' ');
      throw new CliError(
        `/${[name, ...path].join(' ')} has no option ${optionName}${names ? `; its options are ${names}` : ''}`,
      );
    }
    call.options[optionName] = typedValue(option, raw, directory);
  }
  return call;
}

function typedValue(
  option: APIApplicationCommandOption,
  raw: string,
  directory: GuildDirectory,
): string | number | boolean {
  const refuse = (wants: string) => new CliError(`option ${option.name} wants ${wants}, not "${raw}"`);
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) throw refuse('a number');
      return value;
    }
    case ApplicationCommandOptionType.Boolean:
      if (raw !== 'true' && raw !== 'false') throw refuse('true or false');
      return raw === 'true';
    case ApplicationCommandOptionType.User:
      return directory.member(raw).id;
    case ApplicationCommandOptionType.Channel:
      return directory.channel(raw).id;
    case ApplicationCommandOptionType.Role: {
      const role = directory.role(raw);
      if (!role) throw refuse(`a role (${directory.guild.roles.map((each) => `@${each.name}`).join(', ')})`);
      return role.id;
    }
    case ApplicationCommandOptionType.Mentionable:
      return directory.role(raw)?.id ?? directory.member(raw).id;
    default:
      return raw;
  }
}
