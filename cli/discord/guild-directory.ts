import { ChannelType } from 'discord-api-types/v10';
import { formatTicketNumber } from '../../domain/ticket-naming.ts';
import { DEMO_GUILD_NAME } from '../../sandbox/demo/seed-demo-world.ts';
import { CliError, type GuildView, type SandboxClient } from './sandbox-client.ts';

export type MemberView = GuildView['members'][number];
export type ChannelView = GuildView['channels'][number];

const SNOWFLAKE = /^\d{17,20}$/;

export function isThreadChannel(channel: ChannelView): boolean {
  return channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread;
}

/** How the CLI names a channel or thread: `#tickets`, `#0001-support-alice`. */
export function channelLabel(channel: ChannelView): string {
  return `#${channel.name}`;
}

/** The demo guild as one member (or everyone) sees it, with names resolved the way a person types them. */
export class GuildDirectory {
  readonly guild: GuildView;

  constructor(guild: GuildView) {
    this.guild = guild;
  }

  /** The demo guild (or the sandbox's only guild); seen by `asUserId` when given. */
  static async load(client: SandboxClient, asUserId?: string): Promise<GuildDirectory> {
    const guilds = await client.guilds(asUserId);
    const guild = guilds.find((each) => each.name === DEMO_GUILD_NAME) ?? (guilds.length === 1 ? guilds[0] : undefined);
    if (!guild)
      throw new CliError(
        guilds.length
          ? `the local Discord has no "${DEMO_GUILD_NAME}" guild (it has ${guilds.map((each) => each.name).join(', ')})`
          : 'the local Discord has no guild yet',
      );
    return new GuildDirectory(guild);
  }

  /** The people one can play: every member but bots. */
  people(): MemberView[] {
    return this.guild.members.filter((member) => !member.bot);
  }

  /** A member by name (`alice`, `@alice`), id or mention (`<@id>`). */
  member(reference: string): MemberView {
    const wanted = reference
      .replace(/^<@!?(\d+)>$/, '$1')
      .replace(/^@/, '')
      .toLowerCase();
    const found = this.guild.members.find((member) => member.id === wanted || member.username.toLowerCase() === wanted);
    if (!found)
      throw new CliError(
        `there is no member "${reference}"; the members are ${this.people()
          .map((member) => member.username)
          .join(', ')}`,
      );
    return found;
  }

  /** A refusal from the local Discord with the ids it names replaced by names: "user 1234…" → "user alice". */
  named(text: string): string {
    return text.replace(/\b\d{17,20}\b/g, (id) => {
      const member = this.guild.members.find((each) => each.id === id);
      const channel = this.guild.channels.find((each) => each.id === id);
      return member ? member.username : channel ? channelLabel(channel) : id;
    });
  }

  roleNames(member: MemberView): string[] {
    return member.roleIds.map((id) => this.guild.roles.find((role) => role.id === id)?.name ?? id);
  }

  /** A role by name (`Staff`, `@Staff`) or id. */
  role(reference: string): { id: string; name: string } | undefined {
    const wanted = reference
      .replace(/^<@&(\d+)>$/, '$1')
      .replace(/^@/, '')
      .toLowerCase();
    return this.guild.roles.find((role) => role.id === wanted || role.name.toLowerCase() === wanted);
  }

  /** Text channels, each followed by its threads. */
  channelsInOrder(): ChannelView[] {
    const texts = this.guild.channels.filter((channel) => !isThreadChannel(channel));
    return texts.flatMap((text) => [
      text,
      ...this.guild.channels.filter((channel) => isThreadChannel(channel) && channel.parentId === text.id),
    ]);
  }

  /**
   * A channel or thread by name (`#tickets`, `tickets`, `#0001-support-alice`), id or mention (`<#id>`), or a
   * ticket thread by its number (`1`, `#1`, `0001`); else the one whose name starts with what was typed.
   */
  channel(reference: string): ChannelView {
    const wanted = reference
      .replace(/^<#(\d+)>$/, '$1')
      .replace(/^#/, '')
      .toLowerCase();
    const channels = this.guild.channels;
    const byName = channels.find((channel) => channel.name.toLowerCase() === wanted);
    if (byName) return byName;
    if (SNOWFLAKE.test(wanted)) {
      const byId = channels.find((channel) => channel.id === wanted);
      if (byId) return byId;
    } else if (/^\d{1,10}$/.test(wanted)) {
      const prefix = `${formatTicketNumber(Number(wanted))}-`;
      const byNumber = channels.find((channel) => isThreadChannel(channel) && channel.name.startsWith(prefix));
      if (byNumber) return byNumber;
    }
    const byPrefix = wanted ? channels.filter((channel) => channel.name.toLowerCase().startsWith(wanted)) : [];
    if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0];
    const known = this.channelsInOrder().map(channelLabel).join(', ');
    throw new CliError(
      byPrefix.length > 1
        ? `"${reference}" could be ${byPrefix.map(channelLabel).join(' or ')}; say which`
        : `there is no channel or thread "${reference}"${known ? `; there are ${known}` : ''}`,
    );
  }
}
