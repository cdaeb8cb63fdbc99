import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import {
  commandsRegistered,
  messageIn,
  openTicketFromPanel,
  privateAnswer,
  type SystemTicket,
  ticketRowOf,
  workflowStateOf,
} from '../support/system-tickets.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem();
  await commandsRegistered(system, ['ticket', 'ticket-config']);
}, 180_000);

afterAll(async () => {
  await system?.close();
});

const answer = async (pending: SandboxInteraction) => (await privateAnswer(pending)).content;
const owner = () => system.discord.driver.as(system.world.owner.id);
/** `/ticket-config <subcommand>` as the server's owner, in #tickets. */
const configure = (subcommand: string, options: Record<string, string | number>) =>
  owner().runSlashCommand(system.channelId('tickets'), 'ticket-config', { subcommand, options });
const storedConfig = () =>
  createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS).loadGuildConfig(system.world.guild.id);
const openTicket = (member: string, text: string) => openTicketFromPanel(system, member, text);
const workflowState = (threadId: string) => workflowStateOf(system, threadId);

const DAY_MS = 24 * 3_600_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000; // Asia/Tokyo keeps no daylight saving time.
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Support hours that are closed now whatever the hour: one weekday only, the one two days ahead in Tokyo, whose
 * date that week is a holiday. Staff are back on that weekday a week later, at 09:00 in Tokyo.
 */
function closedNowHours(now: number): { hours: string; holiday: string; backAt: number } {
  const inTwoDays = new Date(now + TOKYO_OFFSET_MS + 2 * DAY_MS);
  const holiday = inTwoDays.toISOString().slice(0, 10);
  const backAt =
    Date.UTC(inTwoDays.getUTCFullYear(), inTwoDays.getUTCMonth(), inTwoDays.getUTCDate() + 7, 9) - TOKYO_OFFSET_MS;
  return { hours: `${DAY_NAMES[inTwoDays.getUTCDay()]} 09:00-17:00`, holiday, backAt };
}

describe('support hours and SLA targets through Discord: the bot, the worker, the dev server, Postgres', () => {
  const { hours, holiday, backAt } = closedNowHours(Date.now());
  let earlier: SystemTicket;
  let away: SystemTicket;

  it('refuses bad support hours with a clear private answer, and saves none of them', async () => {
    // A ticket open before the hours are set, which must follow them once they are.
    earlier = await openTicket('bob', 'Opened before the hours were set.');
    const before = await storedConfig();

    expect(await answer(configure('support-hours', { 'time-zone': 'Mars/Olympus_Mons', hours }))).toBe(
      '“Mars/Olympus_Mons” is not a time zone I know. Use a name from the IANA list, such as Europe/Berlin or America/New_York. Nothing was changed.',
    );
    // A good time zone beside bad hours is not saved either: the command is all or nothing.
    expect(await answer(configure('support-hours', { 'time-zone': 'Asia/Tokyo', hours: 'mon-fri 17:00-09:00' }))).toBe(
      '“mon-fri 17:00-09:00” has hours I cannot read: write them as 09:00-17:00, ending after they start and by 24:00. Nothing was changed.',
    );
    expect(await answer(configure('support-hours', { hours: 'weekdays 09:00-17:00' }))).toBe(
      '“weekdays 09:00-17:00” does not begin with days such as mon-fri or sat,sun. Nothing was changed.',
    );
    expect(await answer(configure('support-hours', { holidays: '2026-02-30' }))).toBe(
      '“2026-02-30” is not a date like 2026-12-24. Nothing was changed.',
    );
    expect(await storedConfig()).toEqual(before);
    expect((await workflowState(earlier.threadId)).sla?.supportHours).toEqual({
      timeZone: 'UTC',
      windows: [],
      holidays: [],
    });
  });

  it('refuses bad SLA targets, and saves none of them', async () => {
    const before = await storedConfig();
    expect(await answer(configure('sla', { type: 'billing', 'first-response': 30 }))).toBe(
      'There is no ticket type “billing”. Nothing was changed.',
    );
    // Discord's client takes no negative target: the option's minimum is 0, so the command is never sent.
    expect(() => configure('sla', { type: 'support', 'first-response': -5 })).toThrow(
      /first-response: -5 is out of range/,
    );
    // Staff without Manage Server are not offered the settings at all.
    expect(() =>
      system.discord.driver.as(system.userId('sam')).runSlashCommand(system.channelId('tickets'), 'ticket-config', {
        subcommand: 'sla',
        options: { type: 'support', 'first-response': 1 },
      }),
    ).toThrow(/may not use \/ticket-config/);
    expect(await answer(configure('sla', {}))).toBe(
      'Name a ticket type to set its targets, or give an escalation role for the whole server. Nothing was changed.',
    );
    expect(await storedConfig()).toEqual(before);
  });

  it('saves support hours and SLA targets given by command; open tickets follow the hours', async () => {
    expect(await answer(configure('support-hours', { 'time-zone': 'asia/tokyo', hours, holidays: holiday }))).toBe(
      `Support hours saved: ${hours} (Asia/Tokyo). Holidays: ${holiday}. Open tickets follow them from now on.`,
    );
    expect(
      await answer(
        configure('sla', {
          type: 'support',
          'first-response': 60,
          resolution: 480,
          'escalation-role': system.roleId('Alerts'),
        }),
      ),
    ).toBe(
      `Tickets of type “Support” opened from now on: first response within 1 hour of support time, resolution within 8 hours of support time; a missed target pings <@&${system.roleId('Alerts')}>.`,
    );
    const saved = await storedConfig();
    expect(saved?.supportHours).toMatchObject({ timeZone: 'Asia/Tokyo', holidays: [holiday] });
    expect(saved?.ticketTypes[0]).toMatchObject({
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      escalationRoleId: system.roleId('Alerts'),
    });
    await eventually(async () =>
      expect((await workflowState(earlier.threadId)).sla?.supportHours).toMatchObject({
        timeZone: 'Asia/Tokyo',
        holidays: [holiday],
      }),
    );
  });

  it('tells a member who opens a ticket outside support hours when staff are back', async () => {
    const ticket = await openTicket('alice', 'My order is missing.');
    away = ticket;
    const notice = await messageIn(
      system,
      ticket.threadId,
      'away notice',
      (message) => message.embeds[0]?.title === 'Staff are away right now',
    );
    const seconds = Math.floor(backAt / 1000);
    expect(notice.embeds[0]?.description).toBe(
      `Your ticket is in the queue. Staff are back <t:${seconds}:F> (<t:${seconds}:R>) and will answer then.`,
    );
    // It tells, it pings nobody.
    expect(notice.mentions).toEqual([]);
    expect(notice.mention_roles).toEqual([]);
    const state = await workflowState(ticket.threadId);
    expect(state.waitingOn).toBe('staff');
    expect(state.sla).toMatchObject({
      away: { backAt },
      firstResponse: { targetMinutes: 60, breachedAt: null },
      resolution: { targetMinutes: 480, breachedAt: null },
      escalationRoleId: system.roleId('Alerts'),
    });
    expect(await ticketRowOf(system, ticket.threadId)).toMatchObject({ waitingOn: 'staff' });
    // The ticket opened before the hours were set was not told: it opened while support was open (24/7).
    expect(
      system.discord.state
        .messagesIn(earlier.threadId)
        .some((message) => message.embeds[0]?.title === 'Staff are away right now'),
    ).toBe(false);
    expect(system.discord.specViolations).toEqual([]);
  });

  it('says whose answer the ticket waits for: a staff reply waits on the member, the member’s on staff', async () => {
    const waitingOn = async () => ({
      row: (await ticketRowOf(system, away.threadId)).waitingOn,
      workflow: (await workflowState(away.threadId)).waitingOn,
    });
    system.discord.driver.as(system.userId('sam')).sendMessage(away.threadId, 'Which order number is it?');
    await eventually(async () => expect(await waitingOn()).toEqual({ row: 'member', workflow: 'member' }));
    const listed = system.discord.driver
      .as(system.userId('sam'))
      .runSlashCommand(system.channelId('tickets'), 'ticket', { subcommand: 'list' });
    expect(JSON.stringify(await privateAnswer(listed))).toContain('waiting for member');

    system.discord.driver.as(system.userId('alice')).sendMessage(away.threadId, 'It is 4711.');
    await eventually(async () => expect(await waitingOn()).toEqual({ row: 'staff', workflow: 'staff' }));
  });
});
