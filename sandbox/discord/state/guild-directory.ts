import { PermissionFlagsBits } from 'discord-api-types/v10';
import { compareDiscordIds } from '../../../domain/discord-id.ts';
import type { GuildRecord, MemberRecord, RoleRecord } from './records.ts';
import type { DiscordStateSnapshot } from './snapshot.ts';
import type { StoreContext } from './store-context.ts';

/** What @everyone may do in a new guild, as a decimal permission string like the API's. */
const EVERYONE_DEFAULT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
]
  .reduce((bits, flag) => bits | flag, 0n)
  .toString();

type GuildSnapshot = Pick<DiscordStateSnapshot, 'guilds' | 'roles' | 'members'>;

/** Guilds with their roles and members: who belongs where, and with which permissions. */
export class GuildDirectory {
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  /** Members by guild, then by user id. */
  readonly #members = new Map<string, Map<string, MemberRecord>>();
  /** Each guild's members in id order, kept until its membership changes: sorting 100,000 members per request
   * would make the local Discord, not the bot it serves, what a benchmark of a large guild measures. */
  readonly #sortedMembers = new Map<string, MemberRecord[]>();
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  /** A guild with its @everyone role (whose id is the guild's) and its owner as first member. */
  createGuild(input: { name: string; ownerId: string }): GuildRecord {
    const guild: GuildRecord = { id: this.#context.nextId(), name: input.name, ownerId: input.ownerId };
    this.guilds.set(guild.id, guild);
    this.#members.set(guild.id, new Map());
    this.roles.set(guild.id, {
      id: guild.id,
      guildId: guild.id,
      name: '@everyone',
      permissions: EVERYONE_DEFAULT_PERMISSIONS,
      position: 0,
      color: 0,
      hoist: false,
      mentionable: false,
    });
    this.addMember(guild.id, input.ownerId);
    return guild;
  }

  createRole(
    guildId: string,
    input: {
      name: string;
      permissions?: string;
      mentionable?: boolean;
      color?: number;
      hoist?: boolean;
      managed?: boolean;
    },
  ): RoleRecord {
    const role: RoleRecord = {
      id: this.#context.nextId(),
      guildId,
      name: input.name,
      permissions: input.permissions ?? '0',
      position: this.rolesOf(guildId).length,
      color: input.color ?? 0,
      hoist: input.hoist ?? false,
      mentionable: input.mentionable ?? false,
      ...(input.managed ? { managed: true } : {}),
    };
    this.roles.set(role.id, role);
    this.#context.changed();
    return role;
  }

  rolesOf(guildId: string): RoleRecord[] {
    return [...this.roles.values()].filter((role) => role.guildId === guildId);
  }

  addMember(guildId: string, userId: string, input: { roleIds?: string[]; nick?: string | null } = {}): MemberRecord {
    const member: MemberRecord = {
      guildId,
      userId,
      roleIds: [...(input.roleIds ?? [])],
      nick: input.nick ?? null,
      joinedAt: this.#context.isoNow(),
    };
    this.#guildMembers(guildId).set(userId, member);
    this.#sortedMembers.delete(guildId);
    this.#context.changed();
    return member;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.#members.get(guildId)?.get(userId);
  }

  /** Members in id order, the order Discord pages them in. */
  membersOf(guildId: string): MemberRecord[] {
    let sorted = this.#sortedMembers.get(guildId);
    if (!sorted) {
      sorted = [...this.#guildMembers(guildId).values()].sort((a, b) => compareDiscordIds(a.userId, b.userId));
      this.#sortedMembers.set(guildId, sorted);
    }
    return [...sorted];
  }

  /** The ids of the members holding a role, in no particular order. */
  membersWithRole(guildId: string, roleId: string): string[] {
    const holders: string[] = [];
    for (const member of this.#guildMembers(guildId).values()) {
      if (member.roleIds.includes(roleId)) holders.push(member.userId);
    }
    return holders;
  }

  /** A member leaving (or kicked); their thread memberships are the channel store's to drop. */
  removeMember(guildId: string, userId: string): void {
    if (this.guilds.get(guildId)?.ownerId === userId) throw new Error('the owner cannot leave their guild');
    if (!this.#guildMembers(guildId).delete(userId)) throw new Error(`user ${userId} is not in guild ${guildId}`);
    this.#sortedMembers.delete(guildId);
    this.#context.changed();
  }

  #guildMembers(guildId: string): Map<string, MemberRecord> {
    const members = this.#members.get(guildId);
    if (!members) throw new Error(`no guild ${guildId}`);
    return members;
  }

  snapshot(): GuildSnapshot {
    return {
      guilds: [...this.guilds.values()],
      roles: [...this.roles.values()],
      members: [...this.#members.values()].flatMap((members) => [...members.values()]),
    };
  }

  /** Fills the empty maps in the snapshot's order, so lists come out in the order they did before. */
  restore(snapshot: GuildSnapshot): void {
    for (const guild of snapshot.guilds) {
      this.guilds.set(guild.id, guild);
      this.#members.set(guild.id, new Map());
    }
    for (const role of snapshot.roles) this.roles.set(role.id, role);
    for (const member of snapshot.members) this.#guildMembers(member.guildId).set(member.userId, member);
    this.#sortedMembers.clear();
  }
}
