import { ChannelType } from 'discord-api-types/v10';
import type { DiscordSandbox, DiscordState } from '../discord/index.ts';
import { seedGuild } from '../discord/index.ts';
import { TICKET_BOT_PERMISSIONS } from '../discord/seed.ts';
import type { GuildRecord } from '../discord/state/records.ts';
import type { DemoWorld } from './demo-world.ts';

/** The demo guild, found again after a restart by these names. */
export const DEMO_GUILD_NAME = 'Ticketflow Demo';
const ROLE_NAMES = { staff: 'Staff', alerts: 'Ticket Alerts' } as const;
const CHANNEL_NAMES = { tickets: 'tickets', histories: 'ticket-histories', reminders: 'ticket-reminders' } as const;
const MEMBERS = [
  { username: 'alice', roles: [] },
  { username: 'bob', roles: [] },
  { username: 'sam', roles: [ROLE_NAMES.staff] },
  { username: 'kim', roles: [ROLE_NAMES.staff] },
];

export function findDemoGuild(state: DiscordState): GuildRecord | undefined {
  return [...state.guilds.values()].find((guild) => guild.name === DEMO_GUILD_NAME);
}

/** The demo guild: two plain members, two staff, a staff role and a role to ping, the three ticket channels. */
export function seedDemoWorld(state: DiscordState, botUserId: string): void {
  seedGuild(state, {
    botUserId,
    name: DEMO_GUILD_NAME,
    roles: [
      { name: ROLE_NAMES.staff, mentionable: true },
      { name: ROLE_NAMES.alerts, mentionable: true },
    ],
    members: MEMBERS,
    textChannels: Object.values(CHANNEL_NAMES),
  });
}

/**
 * A world saved before the local Discord enforced permissions has a bot without a role: give it the role its
 * invite grants, as an admin re-inviting the bot would. A bot that has its role is left alone.
 */
export function grantDemoBotItsRole(state: DiscordState, botUserId: string): void {
  const guild = findDemoGuild(state);
  const bot = guild && state.member(guild.id, botUserId);
  if (!guild || !bot) return;
  const held = state.rolesOf(guild.id).filter((role) => bot.roleIds.includes(role.id));
  if (held.some((role) => (BigInt(role.permissions) & TICKET_BOT_PERMISSIONS) === TICKET_BOT_PERMISSIONS)) return;
  const role = state.createRole(guild.id, {
    name: state.users.get(botUserId)?.username ?? 'bot',
    permissions: TICKET_BOT_PERMISSIONS.toString(),
  });
  state.addMember(guild.id, botUserId, { roleIds: [...bot.roleIds, role.id], nick: bot.nick });
}

/** The demo world's ids, read from the state (so the same after every restart) by the names it was seeded with. */
export function describeDemoWorld(sandbox: DiscordSandbox): DemoWorld {
  const { state } = sandbox;
  const guild = findDemoGuild(state);
  if (!guild) throw new Error(`the local Discord has no guild named "${DEMO_GUILD_NAME}"`);
  const missing = (what: string): never => {
    throw new Error(`the local Discord's "${DEMO_GUILD_NAME}" has no ${what}; move its saved state away to seed anew`);
  };
  const role = (name: string) =>
    state.rolesOf(guild.id).find((each) => each.name === name)?.id ?? missing(`role "${name}"`);
  const channel = (name: string) =>
    [...state.channels.values()].find(
      (each) => each.guildId === guild.id && each.type === ChannelType.GuildText && each.name === name,
    )?.id ?? missing(`text channel "${name}"`);
  const members = state.membersOf(guild.id).flatMap((member) => {
    const user = state.users.get(member.userId);
    return user ? [user] : [];
  });
  const member = (username: string) => {
    const user = members.find((each) => each.username === username) ?? missing(`member "${username}"`);
    return [username, { id: user.id, name: user.username }] as const;
  };
  return {
    apiBaseUrl: sandbox.apiBaseUrl,
    botToken: sandbox.bot.token,
    oauth: { clientId: sandbox.bot.applicationId, clientSecret: sandbox.bot.clientSecret },
    guildId: guild.id,
    channels: {
      tickets: channel(CHANNEL_NAMES.tickets),
      histories: channel(CHANNEL_NAMES.histories),
      reminders: channel(CHANNEL_NAMES.reminders),
    },
    roles: { staff: role(ROLE_NAMES.staff), alerts: role(ROLE_NAMES.alerts) },
    members: Object.fromEntries(MEMBERS.map(({ username }) => member(username))),
  };
}
