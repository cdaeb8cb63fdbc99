import { ChannelType, ComponentType } from 'discord-api-types/v10';
import { type ChannelView, channelLabel, type GuildDirectory, isThreadChannel } from './guild-directory.ts';
import { followInteraction, type InteractionContext } from './interaction-flow.ts';
import { type ComponentHandle, componentHandles, formatMessage, terminalTimes } from './message-view.ts';
import type { CliIo } from './modal-form.ts';
import { CliError, type SandboxClient } from './sandbox-client.ts';
import { parseSlashCommand } from './slash-command-line.ts';

/** Every message a channel keeps, so the handles `read` prints are the ones `press` and `choose` take. */
const WHOLE_CHANNEL = 1000;

export interface CommandContext {
  client: SandboxClient;
  /** The whole guild, to resolve any name; what a member sees is the local Discord's to decide. */
  directory: GuildDirectory;
  io: CliIo;
}

function padded(rows: string[][]): string[] {
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  '));
}

export function listUsers({ directory, io }: CommandContext): void {
  const rows = directory.people().map((member) => {
    const roles = directory.roleNames(member);
    return [member.username, roles.length ? roles.join(', ') : 'member', member.id];
  });
  for (const line of padded([['NAME', 'ROLES', 'ID'], ...rows])) io.print(line);
}

function channelKind(channel: ChannelView): string {
  const kind =
    channel.type === ChannelType.PrivateThread
      ? 'private thread'
      : channel.type === ChannelType.PublicThread
        ? 'thread'
        : 'text channel';
  const states = [channel.archived ? 'archived' : '', channel.locked ? 'locked' : ''].filter(Boolean);
  return states.length ? `${kind}, ${states.join(', ')}` : kind;
}

/** Text channels with their threads under them; `seen` is the guild as one member sees it, when acting as one. */
export function listChannels({ directory, io }: CommandContext, seen: GuildDirectory = directory): void {
  const rows = seen
    .channelsInOrder()
    .map((channel) => [
      `${isThreadChannel(channel) ? '  ↳ ' : ''}${channelLabel(channel)}`,
      channelKind(channel),
      channel.id,
    ]);
  io.print(`${seen.guild.name} (guild ${seen.guild.id})`);
  for (const line of padded([['CHANNEL', 'KIND', 'ID'], ...rows])) io.print(line);
}

export async function readChannel(
  { client, directory, io }: CommandContext,
  reference: string,
  options: { asUserId?: string; last: number },
): Promise<void> {
  const channel = directory.channel(reference);
  const messages = await client.messages(channel.id, { as: options.asUserId, limit: WHOLE_CHANNEL });
  const handles = componentHandles(messages);
  io.print(`${channelLabel(channel)} (${channelKind(channel)})`);
  const shown = messages.slice(-options.last);
  if (!shown.length) io.print('  (no messages yet)');
  if (messages.length > shown.length) io.print(`  … ${messages.length - shown.length} earlier messages (--last N)`);
  const times = terminalTimes();
  for (const message of shown) io.print(formatMessage(message, handles, directory, times));
}

/** The actor's view of a channel's buttons and selects, numbered as `read` numbers them. */
async function handlesAs(context: CommandContext, actorId: string, channel: ChannelView): Promise<ComponentHandle[]> {
  return componentHandles(await context.client.messages(channel.id, { as: actorId, limit: WHOLE_CHANNEL }));
}

/**
 * A component by handle (`2`, `[2]`), label or placeholder (the newest one wins, as the last message is the one
 * in view), or custom id; `kind` says whether a button or a select is wanted.
 */
function pickComponent(
  handles: ComponentHandle[],
  reference: string,
  kind: 'button' | 'select',
  channel: ChannelView,
): ComponentHandle {
  const ofKind = handles.filter((handle) => (handle.component.type === ComponentType.Button) === (kind === 'button'));
  const number = /^\[?(\d{1,4})\]?$/.exec(reference.trim());
  const wanted = reference.trim().toLowerCase();
  const newestFirst = [...ofKind].reverse();
  const found = number
    ? ofKind.find((handle) => handle.handle === Number(number[1]))
    : (newestFirst.find((handle) => handle.label.toLowerCase() === wanted) ??
      newestFirst.find((handle) => 'custom_id' in handle.component && handle.component.custom_id === reference) ??
      newestFirst.find((handle) => handle.label.toLowerCase().startsWith(wanted)));
  if (found) return found;
  const offered = ofKind.map((handle) => `[${handle.handle}] ${handle.label}`).join(', ');
  throw new CliError(
    offered
      ? `there is no ${kind} "${reference}" in ${channelLabel(channel)}; its ${kind}s are ${offered}`
      : `${channelLabel(channel)} has no ${kind}s (read it to see its messages)`,
  );
}

export type ActingContext = CommandContext & InteractionContext;

export async function pressButton(context: ActingContext, reference: string, button: string): Promise<void> {
  const channel = context.directory.channel(reference);
  const { message, component, label } = pickComponent(
    await handlesAs(context, context.actorId, channel),
    button,
    'button',
    channel,
  );
  if (!('custom_id' in component)) throw new CliError(`"${label}" is not a button that talks to the bot`);
  context.io.print(
    `${context.directory.member(context.actorId).username} presses "${label}" in ${channelLabel(channel)}`,
  );
  const started = await context.client.act<{ interactionId: string }>({
    action: 'pressButton',
    as: context.actorId,
    channelId: channel.id,
    messageId: message.id,
    customId: component.custom_id,
  });
  await followInteraction(context, started.interactionId);
}

function selectValue(context: ActingContext, handle: ComponentHandle, option: string): string {
  const { component } = handle;
  switch (component.type) {
    case ComponentType.StringSelect: {
      const wanted = option.toLowerCase();
      const found = component.options.find((each) => each.value === option || each.label.toLowerCase() === wanted);
      if (!found)
        throw new CliError(
          `"${handle.label}" has no option "${option}"; it offers ${component.options.map((each) => each.label).join(', ')}`,
        );
      return found.value;
    }
    case ComponentType.UserSelect:
      return context.directory.member(option).id;
    case ComponentType.ChannelSelect:
      return context.directory.channel(option).id;
    default: {
      const role = context.directory.role(option);
      if (role) return role.id;
      if (component.type === ComponentType.RoleSelect) throw new CliError(`there is no role "${option}"`);
      return context.directory.member(option).id;
    }
  }
}

export async function chooseOption(
  context: ActingContext,
  reference: string,
  select: string,
  option: string,
): Promise<void> {
  const channel = context.directory.channel(reference);
  const handle = pickComponent(await handlesAs(context, context.actorId, channel), select, 'select', channel);
  const value = selectValue(context, handle, option);
  context.io.print(
    `${context.directory.member(context.actorId).username} chooses "${option}" in "${handle.label}" (${channelLabel(channel)})`,
  );
  const started = await context.client.act<{ interactionId: string }>({
    action: 'selectOptions',
    as: context.actorId,
    channelId: channel.id,
    messageId: handle.message.id,
    customId: 'custom_id' in handle.component ? handle.component.custom_id : '',
    values: [value],
  });
  await followInteraction(context, started.interactionId);
}

export async function sayMessage(context: ActingContext, reference: string, text: string): Promise<void> {
  const channel = context.directory.channel(reference);
  if (!text) throw new CliError('say what? give the text after the channel');
  await context.client.act({ action: 'sendMessage', as: context.actorId, channelId: channel.id, content: text });
  context.io.print(`${context.directory.member(context.actorId).username} said in ${channelLabel(channel)}: ${text}`);
}

export async function runCommand(context: ActingContext, reference: string, line: string): Promise<void> {
  const channel = context.directory.channel(reference);
  const call = parseSlashCommand(line, context.directory.guild.commands, context.directory);
  context.io.print(
    `${context.directory.member(context.actorId).username} runs ${line.trim()} in ${channelLabel(channel)}`,
  );
  const started = await context.client.act<{ interactionId: string }>({
    action: 'runSlashCommand',
    as: context.actorId,
    channelId: channel.id,
    ...call,
  });
  await followInteraction(context, started.interactionId);
}
