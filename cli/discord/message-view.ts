import {
  type APIButtonComponent,
  type APIEmbed,
  type APIMessage,
  type APISelectMenuComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import {
  createTimeFormatter,
  MAX_EPOCH_MS,
  type TimeFormatter,
  type TimestampStyle,
} from '../../transcripts/time-format.ts';
import type { GuildDirectory } from './guild-directory.ts';

/** A button or select a member can use, numbered across the channel (oldest message first) for `press`/`choose`. */
export interface ComponentHandle {
  handle: number;
  message: APIMessage;
  component: APIButtonComponent | APISelectMenuComponent;
  label: string;
}

function interactive(component: { type: ComponentType }): component is APIButtonComponent | APISelectMenuComponent {
  if (component.type === ComponentType.Button) {
    const style = (component as APIButtonComponent).style;
    return style !== ButtonStyle.Link && style !== ButtonStyle.Premium;
  }
  return [
    ComponentType.StringSelect,
    ComponentType.UserSelect,
    ComponentType.RoleSelect,
    ComponentType.MentionableSelect,
    ComponentType.ChannelSelect,
  ].includes(component.type);
}

function componentLabel(component: APIButtonComponent | APISelectMenuComponent): string {
  if (component.type === ComponentType.Button)
    return ('label' in component && component.label) || ('emoji' in component && component.emoji?.name) || '(button)';
  return component.placeholder ?? ('custom_id' in component ? component.custom_id : '(select)');
}

export function componentHandles(messages: APIMessage[]): ComponentHandle[] {
  const handles: ComponentHandle[] = [];
  for (const message of messages)
    for (const row of message.components ?? []) {
      if (row.type !== ComponentType.ActionRow) continue;
      for (const component of row.components)
        if (interactive(component))
          handles.push({ handle: handles.length + 1, message, component, label: componentLabel(component) });
    }
  return handles;
}

/** Discord's `<t:seconds:style>`; without a style it shows `f`. */
const TIMESTAMP = /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/g;

/** How this terminal shows times: in its own time zone (TZ), `R` relative to now, as a Discord client would. */
export function terminalTimes(now = Date.now()): TimeFormatter {
  return createTimeFormatter({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, relativeTo: now });
}

/**
 * Text as Discord's client shows it: `<@id>`, `<@&id>` and `<#id>` as @alice, @Staff and #tickets, and
 * `<t:…:style>` as a time in the terminal's zone. An id the guild does not know stays as it was written.
 */
export function readableText(text: string, directory: GuildDirectory, times: TimeFormatter): string {
  return text
    .replace(/<@!?(\d+)>/g, (raw, id: string) => {
      const member = directory.guild.members.find((each) => each.id === id);
      return member ? `@${member.username}` : raw;
    })
    .replace(/<@&(\d+)>/g, (raw, id: string) => {
      const role = directory.guild.roles.find((each) => each.id === id);
      return role ? `@${role.name}` : raw;
    })
    .replace(/<#(\d+)>/g, (raw, id: string) => {
      const channel = directory.guild.channels.find((each) => each.id === id);
      return channel ? `#${channel.name}` : raw;
    })
    .replace(TIMESTAMP, (raw, seconds: string, style: TimestampStyle | undefined) => {
      const ms = Number(seconds) * 1000;
      return Math.abs(ms) <= MAX_EPOCH_MS ? times.style(ms, style ?? 'f') : raw;
    });
}

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** An embed as a bar-marked block: title and description (every line of it), fields one a line, footer. */
function embedBrief(embed: APIEmbed, directory: GuildDirectory, times: TimeFormatter): string {
  const lines = ([embed.title, embed.description].filter(Boolean).join(' — ') || '(embed)').split('\n');
  for (const field of embed.fields ?? []) lines.push(`${field.name}: ${field.value.replace(/\n/g, ' ')}`);
  if (embed.footer?.text) lines.push(embed.footer.text);
  return readableText(lines.map((line) => `┃ ${line}`).join('\n'), directory, times);
}

function handleLine(handle: ComponentHandle): string {
  const { component } = handle;
  const disabled = component.disabled ? ' (disabled)' : '';
  if (component.type !== ComponentType.StringSelect) return `[${handle.handle}] ${handle.label}${disabled}`;
  const options = component.options.map((option) => option.label).join(' | ');
  return `[${handle.handle}] ${handle.label}${disabled}: ${options}`;
}

/** One message as a terminal shows it: author and time, text, embeds in brief, its buttons and selects. */
export function formatMessage(
  message: APIMessage,
  handles: ComponentHandle[],
  directory: GuildDirectory,
  times: TimeFormatter,
): string {
  const time = times.messageStamp(Date.parse(message.timestamp));
  const bot = message.author.bot ? ' (bot)' : '';
  const flags = message.flags ?? 0;
  const notes = [
    flags & MessageFlags.Ephemeral ? 'only you see this' : '',
    message.edited_timestamp ? 'edited' : '',
  ].filter(Boolean);
  const lines = [`${time}  ${message.author.username}${bot}${notes.length ? `  (${notes.join(', ')})` : ''}`];
  if (flags & MessageFlags.Loading) lines.push(indent('… is thinking'));
  if (message.type === MessageType.RecipientAdd)
    lines.push(indent(`added ${message.mentions.map((user) => `@${user.username}`).join(', ')} to the thread`));
  if (message.content) lines.push(indent(readableText(message.content, directory, times)));
  for (const embed of message.embeds) lines.push(indent(embedBrief(embed, directory, times)));
  for (const attachment of message.attachments) lines.push(indent(`📎 ${attachment.filename}`));
  const own = handles.filter((handle) => handle.message.id === message.id);
  if (own.length) lines.push(indent(own.map(handleLine).join('   ')));
  return lines.join('\n');
}
