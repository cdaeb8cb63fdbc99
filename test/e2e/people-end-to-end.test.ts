import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem();
  // Two more staff members: kim, available with sam, and lee, away.
  for (const username of ['kim', 'lee']) {
    const user = system.discord.state.createUser({ username });
    system.discord.state.addMember(system.world.guild.id, user.id, { roleIds: [system.roleId('Staff')] });
    system.world.users.set(username, user);
  }
  // The bot registers /ticket once it has read the guild's configuration; commands wait for it.
  await eventually(() =>
    expect(system.discord.state.commands.byName(system.world.guild.id, 'ticket', 1)).toBeDefined(),
  );
}, 180_000);

afterAll(async () => {
  await system?.close();
});

/** What the member sees, once final, and the buttons offered with it. */
async function answer(pending: SandboxInteraction): Promise<string> {
  return (await settledReply(pending, 60_000)).content;
}

const as = (name: string) => system.discord.driver.as(system.userId(name));
const mention = (name: string) => `<@${system.userId(name)}>`;

async function openTicket(member: string, text: string): Promise<{ number: number; threadId: string }> {
  const pressed = as(member).pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  await pressed.waitForModal();
  const opened = /^Your ticket #(\d+) is open: <#(\d+)>$/.exec(
    await answer(as(member).submitModal(pressed, { q0: text })),
  );
  if (!opened) throw new Error('the ticket did not open');
  return { number: Number(opened[1]), threadId: opened[2] ?? '' };
}

const ticketRow = (threadId: string) => system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
const eventKinds = async (threadId: string) => {
  const row = await ticketRow(threadId);
  const events = await system.db.prisma.ticketEvent.findMany({
    where: { guildId: row.guildId, ticketId: row.id },
    orderBy: { id: 'asc' },
  });
  return events.map((event) => event.kind);
};
const threadMembers = (threadId: string) => system.discord.state.threadMembers(threadId).map((member) => member.userId);

describe('people and routing through Discord: the bot, the worker, the dev server, Postgres', () => {
  const available = () => ['sam', 'kim'].map((name) => system.userId(name));
  let first: { number: number; threadId: string };
  let second: { number: number; threadId: string };

  it('routes the type in turn among the staff who said they are available', async () => {
    const owner = system.discord.driver.as(system.world.owner.id);
    const routing = owner.runSlashCommand(system.channelId('tickets'), 'ticket-config', {
      subcommand: 'routing',
      options: { type: 'support', mode: 'round_robin' },
    });
    expect(await answer(routing)).toBe('Support: new tickets are assigned in turn among the available staff.');
    for (const name of ['sam', 'kim']) {
      const away = as(name).runSlashCommand(system.channelId('tickets'), 'ticket', {
        subcommand: 'away',
        options: { state: 'off' },
      });
      expect(await answer(away)).toBe('You are available: new tickets of your ticket types can be routed to you.');
    }
    const awayNow = as('lee').runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'away',
      options: { state: 'on', hours: '09:00-17:00', 'time-zone': 'Europe/Berlin' },
    });
    expect(await answer(awayNow)).toBe(
      'You are away: no new tickets are routed to you until you run /ticket away off.',
    );
    const notStaff = as('alice').runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'away',
      options: { state: 'off' },
    });
    expect(await answer(notStaff)).toBe('Only staff can set their availability. Nothing was changed.');
    const badZone = as('sam').runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'away',
      options: { state: 'off', hours: '09:00-17:00', 'time-zone': 'Mars/Olympus' },
    });
    expect(await answer(badZone)).toBe(
      'Mars/Olympus is not a time zone: use one like Europe/Berlin or America/New_York. Nothing was changed.',
    );
    expect(await system.db.prisma.staffAvailability.count({ where: { userId: system.userId('alice') } })).toBe(0);
    expect(
      (await system.db.prisma.staffAvailability.findFirstOrThrow({ where: { userId: system.userId('sam') } })).timeZone,
    ).toBeNull();

    first = await openTicket('alice', 'My order never arrived.');
    second = await openTicket('bob', 'Wrong size.');
    const assignees = await eventually(async () => {
      const rows = await Promise.all([ticketRow(first.threadId), ticketRow(second.threadId)]);
      const ids = rows.map((row) => row.assigneeId);
      expect(ids.every((id) => id !== null)).toBe(true);
      return ids as string[];
    });
    expect([...assignees].sort()).toEqual([...available()].sort());
    await eventually(async () => {
      expect(await eventKinds(first.threadId)).toEqual(['opened', 'assigned']);
      const routed = system.discord.state
        .messagesIn(first.threadId)
        .find((message) => message.embeds[0]?.description?.includes('assigned automatically'));
      expect(routed?.content).toBe(`<@${assignees[0]}>`);
    });
  });

  it('asks before taking over a claimed ticket, and takes it over when confirmed', async () => {
    const holder = (await ticketRow(first.threadId)).assigneeId as string;
    const other = holder === system.userId('sam') ? 'kim' : 'sam';
    const controls = system.controlMessage(first.threadId);
    const claim = as(other).pressButton(first.threadId, controls.id, `tclaim:${first.number}`);
    const offer = await settledReply(claim, 60_000);
    expect(offer.content).toBe(
      `<@${holder}> holds ticket #${first.number}. Take it over? Nothing changes unless you confirm.`,
    );
    expect((await ticketRow(first.threadId)).assigneeId).toBe(holder);
    expect(await eventKinds(first.threadId)).toEqual(['opened', 'assigned']);

    const takeOver = as(other).pressButton(
      first.threadId,
      offer.id,
      `ttakeover:${first.number}:${system.userId(other)}:1`,
    );
    expect(await answer(takeOver)).toBe(`You claimed ticket #${first.number}.`);
    expect((await ticketRow(first.threadId)).assigneeId).toBe(system.userId(other));

    const release = as(other).pressButton(first.threadId, controls.id, `tunclaim:${first.number}`);
    expect(await answer(release)).toBe(`Ticket #${first.number} is no longer assigned.`);
    expect((await ticketRow(first.threadId)).assigneeId).toBeNull();
    const again = as(other).runSlashCommand(first.threadId, 'ticket', { subcommand: 'unassign' });
    expect(await answer(again)).toBe(`Ticket #${first.number} has no assignee. Nothing was changed.`);
    expect(await eventKinds(first.threadId)).toEqual(['opened', 'assigned', 'assigned', 'unassigned']);
  });

  it('refuses to assign a member who is not staff, privately, changing nothing', async () => {
    const assign = as('sam').runSlashCommand(first.threadId, 'ticket', {
      subcommand: 'assign',
      options: { member: system.userId('bob') },
    });
    expect(await answer(assign)).toBe(
      `${mention('bob')} is not staff, so ticket #${first.number} cannot be assigned to them. Nothing was changed.`,
    );
    expect((await ticketRow(first.threadId)).assigneeId).toBeNull();
    expect(await eventKinds(first.threadId)).toEqual(['opened', 'assigned', 'assigned', 'unassigned']);
  });

  it('removes a member from the thread and the record; the creator and non-staff are refused', async () => {
    const { threadId, number } = first;
    const add = as('sam').runSlashCommand(threadId, 'ticket', {
      subcommand: 'add-user',
      options: { member: system.userId('bob') },
    });
    expect(await answer(add)).toBe(`${mention('bob')} was added to ticket #${number}.`);
    const byMember = as('alice').runSlashCommand(threadId, 'ticket', {
      subcommand: 'remove-user',
      options: { member: system.userId('bob') },
    });
    expect(await answer(byMember)).toBe('Only staff can remove members from tickets. Nothing was changed.');
    const creator = as('sam').runSlashCommand(threadId, 'ticket', {
      subcommand: 'remove-user',
      options: { member: system.userId('alice') },
    });
    expect(await answer(creator)).toBe(
      `The member who opened ticket #${number} cannot be removed from it. Nothing was changed.`,
    );
    expect(threadMembers(threadId)).toContain(system.userId('bob'));

    const remove = as('sam').runSlashCommand(threadId, 'ticket', {
      subcommand: 'remove-user',
      options: { member: system.userId('bob') },
    });
    expect(await answer(remove)).toBe(`${mention('bob')} was removed from ticket #${number}.`);
    expect(threadMembers(threadId)).not.toContain(system.userId('bob'));
    expect(threadMembers(threadId)).toContain(system.userId('alice'));
    const row = await ticketRow(threadId);
    expect(await system.db.prisma.ticketMember.findMany({ where: { guildId: row.guildId, ticketId: row.id } })).toEqual(
      [],
    );
    expect((await eventKinds(threadId)).slice(-2)).toEqual(['member_added', 'member_removed']);
  });

  it("adds a role's members to the ticket", async () => {
    const { threadId, number } = second;
    const guildId = system.world.guild.id;
    const helpers = system.discord.state.createRole(guildId, { name: 'Helpers', mentionable: true });
    const helper = system.discord.state.createUser({ username: 'helper' });
    system.discord.state.addMember(guildId, helper.id, { roleIds: [helpers.id] });
    const addRole = as('sam').runSlashCommand(threadId, 'ticket', {
      subcommand: 'add-role',
      options: { role: helpers.id },
    });
    expect(await answer(addRole)).toBe(`The members of <@&${helpers.id}> were added to ticket #${number}.`);
    await eventually(() => expect(threadMembers(threadId)).toContain(helper.id));
    expect((await eventKinds(threadId)).at(-1)).toBe('role_added');
  });
});
