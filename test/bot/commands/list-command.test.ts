import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandWorld, componentsOf, startCommandWorld } from './command-world.ts';

let world: CommandWorld;
const openedAt = (number: number) => new Date(Date.UTC(2026, 10, 1, 9, 0) + number * 60_000);

beforeAll(async () => {
  world = await startCommandWorld();
  await world.ticketConfig('ada', {
    subcommand: 'ticket-channel',
    options: { channel: world.channel('tickets').id },
  });
  await world.ticketConfig('ada', {
    group: 'staff-role',
    subcommand: 'add',
    options: { role: world.role('Staff').id },
  });

  // 25 tickets: alice opened #3 and #20, bob the rest; #5 and #6 are closed, #25 still opening; every third
  // one is assigned to sam. Another guild's open ticket must never show.
  const alice = world.user('alice');
  const bob = world.user('bob');
  const sam = world.user('sam').id;
  await world.database.prisma.guild.create({
    data: {
      id: '900000000000000001',
      ticketChannelId: '900000000000000002',
      inactivityTimeoutMinutes: 60,
      inactivityGraceMinutes: 60,
      reminderIntervalMinutes: 60,
      openLimitPerMember: 3,
      openCooldownSeconds: 0,
    },
  });
  const row = (guildId: string, number: number) => {
    const creator = number === 3 || number === 20 ? alice : bob;
    return {
      guildId,
      number,
      workflowId: `ticket-${guildId}-${number}`,
      typeKey: 'support',
      typeName: 'Support',
      creatorId: creator.id,
      creatorName: creator.username,
      assigneeId: number % 3 === 0 ? sam : null,
      threadId: `${guildId.slice(0, 14)}${String(number).padStart(4, '0')}`,
      status:
        number === 5 || number === 6 ? ('closed' as const) : number === 25 ? ('opening' as const) : ('open' as const),
      answers: [],
      settings: {},
      openedAt: openedAt(number),
      lastActivityAt: openedAt(number),
    };
  };
  await world.database.prisma.ticket.createMany({
    data: [...Array.from({ length: 25 }, (_, index) => row(world.guildId, index + 1)), row('900000000000000001', 1)],
  });
});

afterAll(async () => {
  await world?.stop();
});

/** The ticket numbers a list answer shows, in order. */
const numbersIn = (text: string) => [...text.matchAll(/^\*\*#(\d+)\*\*/gm)].map((match) => Number(match[1]));

describe('/ticket list', () => {
  it('shows staff the open tickets of the guild, 10 a page, as the database holds them', async () => {
    const open = await world.database.prisma.ticket.findMany({
      where: { guildId: world.guildId, status: 'open' },
      orderBy: { number: 'asc' },
    });
    expect(open).toHaveLength(22);

    const { reply, text } = await world.ticket('sam', { subcommand: 'list' });
    expect(text.split('\n')[0]).toBe('**Open tickets** (22) · page 1 of 3');
    expect(numbersIn(text)).toEqual(open.slice(0, 10).map((ticket) => ticket.number));
    const third = open[2];
    expect(text).toContain(
      `**#3** Support · by <@${third?.creatorId}> · assigned to <@${third?.assigneeId}> · ` +
        `opened <t:${Math.floor(openedAt(3).getTime() / 1000)}:R> · <#${third?.threadId}>`,
    );
    expect(text).toContain(`**#4** Support · by <@${world.user('bob').id}> · unassigned ·`);
    expect(componentsOf(reply)).toEqual([
      expect.objectContaining({ custom_id: 'tlist:0', disabled: true }),
      expect.objectContaining({ custom_id: 'tlist:2', disabled: false }),
    ]);
  });

  it('pages with Previous and Next on the same private message', async () => {
    const sam = world.sandbox.driver.as(world.user('sam').id);
    const { reply } = await world.ticket('sam', { subcommand: 'list' });
    const next = sam.pressButton(reply.channel_id, reply.id, 'tlist:2');
    const second = await next.waitForReply();
    expect(second.id).toBe(reply.id);
    expect(numbersIn(second.content)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);

    const last = await sam.pressButton(reply.channel_id, reply.id, 'tlist:3').waitForReply();
    expect(last.content.split('\n')[0]).toBe('**Open tickets** (22) · page 3 of 3');
    expect(numbersIn(last.content)).toEqual([23, 24]);
    expect(componentsOf(last)).toEqual([
      expect.objectContaining({ custom_id: 'tlist:2', disabled: false }),
      expect.objectContaining({ custom_id: 'tlist:4', disabled: true }),
    ]);
  });

  it('starts at the page asked for, and shows the last page for one past the end', async () => {
    const second = await world.ticket('sam', { subcommand: 'list', options: { page: 2 } });
    expect(numbersIn(second.text)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    const { text } = await world.ticket('sam', { subcommand: 'list', options: { page: 9 } });
    expect(text.split('\n')[0]).toBe('**Open tickets** (22) · page 3 of 3');
  });

  it('shows a member only their own open tickets, without buttons when one page holds them', async () => {
    const { reply, text } = await world.ticket('alice', { subcommand: 'list' });
    expect(text.split('\n')[0]).toBe('**Your open tickets** (2) · page 1 of 1');
    expect(numbersIn(text)).toEqual([3, 20]);
    expect(componentsOf(reply)).toEqual([]);
  });

  it('tells a member with no open tickets so', async () => {
    const { database, guildId } = world;
    await database.prisma.ticket.updateMany({
      where: { guildId, creatorId: world.user('alice').id },
      data: { status: 'closed' },
    });
    expect((await world.ticket('alice', { subcommand: 'list' })).text).toBe('You have no open tickets.');
  });
});
