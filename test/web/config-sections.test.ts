import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository, type StoredGuildConfig } from '../../store/guild-config-repository.ts';
import { getTicketState } from '../../workflows/ticket/definitions.ts';
import { eventually } from '../support/ticket-harness.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import { serving, startWebSystem, type WebSystem } from './support/web-system.ts';

/**
 * The settings editors' routes (`PUT /api/v1/guilds/:guildId/config/<section>`) against the whole system (Postgres,
 * the Temporal dev server, worker, bot, local Discord): each replaces one part of the configuration, checked with
 * the bot's schema; a refusal names the field and writes nothing; only the guild's admins reach them; a save reaches
 * the open tickets through the followed settings, as the bot's `/ticket-config` saves do.
 */
let system: TicketflowSystem;
let web: WebSystem;
let owner: string;
let guildId: string;
let ticket: LivedTicket;

beforeAll(async () => {
  system = await startTicketflowSystem();
  web = await startWebSystem({ on: serving(system) });
  guildId = system.world.guild.id;
  owner = (await web.signIn(system.world.owner.id)).cookie;
  ticket = await openFromPanel(system, 'alice', 'Where is my parcel?');
}, 3 * LONG_WAIT_MS);

afterAll(async () => {
  await web?.close();
  await system?.close();
});

const stored = async () =>
  (await createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS).loadGuildConfig(guildId)) as GuildConfig;

function put(section: string, body: unknown, cookie = owner, guild = guildId): Promise<Response> {
  return web.request(`/api/v1/guilds/${guild}/config/${section}`, {
    method: 'PUT',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function saved(response: Response): Promise<GuildConfig> {
  const body = (await response.json()) as { config: GuildConfig; followUps: unknown };
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(body.followUps).toEqual({ openTickets: 'told' });
  expect(await stored()).toEqual(body.config);
  return body.config;
}

async function problemsOf(response: Response): Promise<{ path: string; message: string }[]> {
  const body = (await response.json()) as { error: { code: string; problems: { path: string; message: string }[] } };
  expect(response.status, JSON.stringify(body)).toBe(400);
  expect(body.error.code).toBe('invalid_request');
  return body.error.problems;
}

/** What the open ticket's workflow holds now. */
async function openTicketView() {
  const row = await system.db.prisma.ticket.findUniqueOrThrow({
    where: { guildId_number: { guildId, number: ticket.number } },
  });
  return system.temporal.client.workflow.getHandle(row.workflowId).query(getTicketState);
}

const berlinHours = {
  timeZone: 'Europe/Berlin',
  windows: [
    { day: 1, start: 9 * 60, end: 17 * 60 },
    { day: 5, start: 9 * 60, end: 13 * 60 },
  ],
  holidays: ['2026-12-24', '2026-12-25'],
};

describe('who may change a part of the settings', () => {
  it('refuses staff and members of the guild (403), and the admin of another guild (404); nothing changes', async () => {
    const before = await stored();
    for (const name of ['sam', 'alice']) {
      const { cookie } = await web.signIn(system.userId(name));
      expect((await put('closing', { reopenWindowDays: 1, closingDmEnabled: false }, cookie)).status, name).toBe(403);
    }
    const otherAdmin = (await web.signIn(web.userId(web.guildA, 'owner'))).cookie;
    for (const section of ['support-hours', 'sla', 'labels', 'categories', 'closing']) {
      expect((await put(section, {}, otherAdmin)).status, section).toBe(404);
    }
    // Their own guild's admin asking about this guild by id is the same 404, before the body is read.
    expect((await put('labels', { labels: [] }, otherAdmin)).status).toBe(404);
    expect(await stored()).toEqual(before);
  });
});

describe('support hours', () => {
  it('replaces the hours, and the open ticket follows them', async () => {
    const config = await saved(await put('support-hours', { supportHours: berlinHours }));
    expect(config.supportHours).toEqual(berlinHours);
    await eventually(async () => expect((await openTicketView()).sla?.supportHours).toEqual(berlinHours));
  });

  it('refuses an unknown time zone, a window ending before it starts, a date not on the calendar, naming each', async () => {
    const before = await stored();
    const problems = await problemsOf(
      await put('support-hours', {
        supportHours: {
          timeZone: 'Mars/Olympus',
          windows: [{ day: 2, start: 600, end: 540 }],
          holidays: ['2026-02-30'],
        },
      }),
    );
    expect(problems).toEqual([
      { path: 'supportHours.timeZone', message: 'must be a time zone such as Europe/Berlin or America/New_York' },
      { path: 'supportHours.windows.0.end', message: 'must end after it starts' },
      { path: 'supportHours.holidays.0', message: 'is not a date of the calendar' },
    ]);
    const partial = await problemsOf(await put('support-hours', { supportHours: { timeZone: 'UTC' } }));
    expect(partial.map((problem) => problem.path)).toEqual(['supportHours.windows', 'supportHours.holidays']);
    expect(await stored()).toEqual(before);
  });
});

describe('SLA targets', () => {
  it("sets a type's targets and escalation role and the server's escalation role", async () => {
    const staff = system.roleId('Staff');
    const alerts = system.roleId('Alerts');
    const config = await saved(
      await put('sla', {
        escalationRoleId: alerts,
        ticketTypes: [{ key: 'support', firstResponseMinutes: 60, resolutionMinutes: 8 * 60, escalationRoleId: staff }],
      }),
    );
    expect(config.escalationRoleId).toBe(alerts);
    expect(config.ticketTypes[0]).toMatchObject({
      key: 'support',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      escalationRoleId: staff,
    });
    // The rest of the type is kept.
    expect(config.ticketTypes[0]?.questions).toEqual(system.config.ticketTypes[0]?.questions);
  });

  it("refuses a target out of bounds, a role of another server, and a list that is not the server's types", async () => {
    const before = await stored();
    const foreignRole = web.guildA.roles.get('Staff')?.id;
    const targets = { key: 'support', firstResponseMinutes: 0, resolutionMinutes: null, escalationRoleId: null };
    expect((await problemsOf(await put('sla', { escalationRoleId: null, ticketTypes: [targets] }))).at(0)).toEqual({
      path: 'ticketTypes.0.firstResponseMinutes',
      message: 'Too small: expected number to be >=1',
    });
    const foreign = { escalationRoleId: foreignRole, ticketTypes: [{ ...targets, firstResponseMinutes: 30 }] };
    expect(await problemsOf(await put('sla', foreign))).toEqual([
      { path: 'escalationRoleId', message: 'is not a role of this server' },
    ]);
    const unknown = { escalationRoleId: null, ticketTypes: [{ ...targets, key: 'billing', firstResponseMinutes: 30 }] };
    expect(await problemsOf(await put('sla', unknown))).toEqual([
      { path: 'ticketTypes', message: "must list the server's ticket types in order: support" },
    ]);
    expect(await stored()).toEqual(before);
  });
});

describe('labels', () => {
  it('replaces the label list, in order', async () => {
    const labels = [{ name: 'Refund', color: '#ff8800' }, { name: 'Bug', emoji: '🐛' }, { name: 'VIP' }];
    expect((await saved(await put('labels', { labels }))).labels).toEqual(labels);
  });

  it('refuses a name with a comma, a bad colour and two names alike ignoring case', async () => {
    const before = await stored();
    const bad = [{ name: 'a,b' }, { name: 'Ok', color: 'orange' }];
    expect(await problemsOf(await put('labels', { labels: bad }))).toEqual([
      { path: 'labels.0.name', message: 'must not contain commas or double quotes' },
      { path: 'labels.1.color', message: 'must be a colour like #ff8800' },
    ]);
    expect(await problemsOf(await put('labels', { labels: [{ name: 'Bug' }, { name: 'bug' }] }))).toEqual([
      { path: 'labels', message: 'label names must be unique (ignoring case)' },
    ]);
    expect(await stored()).toEqual(before);
  });
});

describe('ticket categories', () => {
  it("keeps the order given; refuses a text channel, another server's category and a repeat", async () => {
    const category = (name: string) =>
      system.discord.state.createGuildChannel(guildId, { type: ChannelType.GuildCategory, name }).id;
    const [first, second] = [category('Tickets'), category('Tickets 2')];
    expect((await saved(await put('categories', { ticketCategoryIds: [second, first] }))).ticketCategoryIds).toEqual([
      second,
      first,
    ]);

    const before = await stored();
    const foreign = web.guildA.channels.get('tickets')?.id;
    expect(
      await problemsOf(await put('categories', { ticketCategoryIds: [first, system.channelId('tickets'), foreign] })),
    ).toEqual([
      { path: 'ticketCategoryIds.1', message: 'is not a category' },
      { path: 'ticketCategoryIds.2', message: 'is not a channel of this server' },
    ]);
    expect(await problemsOf(await put('categories', { ticketCategoryIds: [first, first] }))).toEqual([
      { path: 'ticketCategoryIds', message: 'a category is listed twice' },
    ]);
    expect(await stored()).toEqual(before);
  });

  it('keeps the last category while a type opens tickets as channels', async () => {
    const { config, version } = (await createGuildConfigRepository(
      system.db.prisma,
      DEFAULT_PLANS,
    ).loadStoredGuildConfig(guildId)) as StoredGuildConfig;
    const channelMode = { ...config, ticketTypes: config.ticketTypes.map((type) => ({ ...type, mode: 'channel' })) };
    const response = await web.request(`/api/v1/guilds/${guildId}/config`, {
      method: 'PUT',
      cookie: owner,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...channelMode, version }),
    });
    expect(response.status).toBe(200);
    const before = await stored();
    expect(await problemsOf(await put('categories', { ticketCategoryIds: [] }))).toEqual([
      {
        path: 'ticketTypes.0.mode',
        message: 'type "support" opens tickets as channels, which needs at least one ticket category',
      },
    ]);
    expect(await stored()).toEqual(before);
  });
});

describe('after a close', () => {
  it('sets the reopen window (0 turns it off) and the closing message; the open ticket follows both', async () => {
    const config = await saved(await put('closing', { reopenWindowDays: 0, closingDmEnabled: false }));
    expect(config).toMatchObject({ reopenWindowDays: 0, closingDmEnabled: false });
    await eventually(async () =>
      expect((await openTicketView()).settings).toMatchObject({ reopenWindowMs: 0, closingDmEnabled: false }),
    );
    const again = await saved(await put('closing', { reopenWindowDays: 14, closingDmEnabled: true }));
    expect(again).toMatchObject({ reopenWindowDays: 14, closingDmEnabled: true });
    await eventually(async () =>
      expect((await openTicketView()).settings).toMatchObject({
        reopenWindowMs: 14 * 24 * 3600 * 1000,
        closingDmEnabled: true,
      }),
    );
  });

  it('refuses a window past 90 days, a missing field and an unknown one', async () => {
    const before = await stored();
    expect(await problemsOf(await put('closing', { reopenWindowDays: 91, closingDmEnabled: true }))).toEqual([
      { path: 'reopenWindowDays', message: 'Too big: expected number to be <=90' },
    ]);
    expect((await problemsOf(await put('closing', { reopenWindowDays: 3 }))).map((p) => p.path)).toEqual([
      'closingDmEnabled',
    ]);
    expect(
      (await problemsOf(await put('closing', { reopenWindowDays: 3, closingDmEnabled: true, extra: 1 }))).length,
    ).toBe(1);
    expect(await stored()).toEqual(before);
  });
});

describe('two admins at the same moment', () => {
  it('keeps every part saved at once: no save undoes another', async () => {
    const labels = [{ name: 'Same moment' }];
    const answers = await Promise.all([
      put('labels', { labels }),
      put('closing', { reopenWindowDays: 5, closingDmEnabled: true }),
      put('support-hours', { supportHours: berlinHours }),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const after = await stored();
    expect(after.labels).toEqual(labels);
    expect(after).toMatchObject({ reopenWindowDays: 5, closingDmEnabled: true, supportHours: berlinHours });
  });
});
