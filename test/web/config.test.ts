import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { guildSettingsWorkflowId } from '../../workflows/guild-settings/definitions.ts';
import { eventually } from '../support/ticket-harness.ts';
import { LONG_WAIT_MS } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import { serving, startWebSystem, type WebSystem } from './support/web-system.ts';

/**
 * The configuration API against the whole system (Postgres, the Temporal dev server, worker, bot, local Discord):
 * only the guild's admins reach it; it refuses what the bot's schema refuses and any channel or role that is not
 * the guild's, naming the field and writing nothing; a save registers `/ticket` again for the new types, exactly
 * as the bot does, and starts the fan-out that tells open tickets.
 */
let system: TicketflowSystem;
let web: WebSystem;
let owner: string;
let guildId: string;
const path = () => `/api/v1/guilds/${guildId}/config`;

beforeAll(async () => {
  system = await startTicketflowSystem();
  web = await startWebSystem({ on: serving(system) });
  guildId = system.world.guild.id;
  owner = (await web.signIn(system.world.owner.id)).cookie;
}, 3 * LONG_WAIT_MS);

afterAll(async () => {
  await web?.close();
  await system?.close();
});

const repository = () => createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS);
const stored = () => repository().loadGuildConfig(guildId);

/** A whole save made from the configuration as stored now: its version is sent along, as the panel's form does. */
async function put(body: object | null, cookie = owner): Promise<Response> {
  const version = (await repository().loadStoredGuildConfig(guildId))?.version ?? null;
  return web.request(path(), {
    method: 'PUT',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ version, ...body }),
  });
}

async function problemsOf(response: Response): Promise<{ path: string; message: string }[]> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { code: string; problems: { path: string; message: string }[] } };
  expect(body.error.code).toBe('invalid_request');
  return body.error.problems;
}

describe('who may read and change the configuration', () => {
  it('refuses staff and plain members of the guild (403), and anyone of another guild (404)', async () => {
    const before = await stored();
    for (const name of ['sam', 'alice']) {
      const { cookie } = await web.signIn(system.userId(name));
      expect((await web.request(path(), { cookie })).status, name).toBe(403);
      expect((await put(before, cookie)).status, name).toBe(403);
    }
    const stranger = (await web.signIn(web.userId(web.guildA, 'owner'))).cookie;
    expect((await web.request(path(), { cookie: stranger })).status).toBe(404);
    expect((await put(before, stranger)).status).toBe(404);
    expect(await stored()).toEqual(before);
  });
});

describe('reading', () => {
  it("gives the admin the configuration and the guild's text channels and roles, two Discord requests kept a while", async () => {
    const from = system.discord.state.requestLog.length;
    const response = await web.request(path(), { cookie: owner });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      config: GuildConfig;
      channels: { id: string; name: string }[];
      roles: { id: string; name: string }[];
    };
    expect(body.config).toEqual(await stored());
    expect(body.channels.map((channel) => channel.name)).toEqual(['tickets', 'histories', 'reminders']);
    expect(body.roles.map((role) => role.name).sort()).toEqual(['Alerts', 'Staff']);
    expect(body.roles.map((role) => role.id)).not.toContain(guildId);
    await web.request(path(), { cookie: owner });
    const directoryReads = system.discord.state.requestLog
      .slice(from)
      .filter((entry) => entry.path === `/guilds/${guildId}` || entry.path === `/guilds/${guildId}/channels`);
    expect(directoryReads).toHaveLength(2);
  });
});

describe('refusals write nothing', () => {
  it('refuses a channel or a role of another guild, naming the field', async () => {
    const before = (await stored()) as GuildConfig;
    const foreignChannel = web.guildA.channels.get('tickets')?.id;
    const foreignRole = web.guildA.roles.get('Staff')?.id ?? '';
    expect(await problemsOf(await put({ ...before, historiesChannelId: foreignChannel }))).toEqual([
      { path: 'historiesChannelId', message: 'is not a channel of this server' },
    ]);
    expect(await problemsOf(await put({ ...before, staffRoleIds: [...before.staffRoleIds, foreignRole] }))).toEqual([
      { path: 'staffRoleIds.1', message: 'is not a role of this server' },
    ]);
    expect(await problemsOf(await put({ ...before, notificationRoleId: guildId }))).toEqual([
      { path: 'notificationRoleId', message: 'is @everyone, which every member has: choose a role' },
    ]);
    expect(await stored()).toEqual(before);
  });

  it("refuses more ticket types than the guild's plan allows, naming the limit and the plan, and changes nothing", async () => {
    const before = (await stored()) as GuildConfig;
    const extra = ['a', 'b', 'c'].map((key) => ({ key, name: `Type ${key}` }));
    expect(await problemsOf(await put({ ...before, ticketTypes: [...before.ticketTypes, ...extra] }))).toEqual([
      {
        path: 'ticketTypes',
        message: `The free plan allows 3 ticket types; this configuration has ${before.ticketTypes.length + 3}. Remove some, or upgrade the plan for more.`,
      },
    ]);
    expect(await stored()).toEqual(before);
  });

  it("refuses what the bot's schema refuses, naming each field: Discord's limits on questions among them", async () => {
    const before = (await stored()) as GuildConfig;
    const question = { label: 'Why?' };
    const tooMany = { ...before, ticketTypes: [{ key: 'many', name: 'Many', questions: Array(6).fill(question) }] };
    expect((await problemsOf(await put(tooMany))).map((problem) => problem.path)).toEqual(['ticketTypes.0.questions']);
    const tooLong = {
      ...before,
      inactivityTimeoutMinutes: 1,
      ticketTypes: [{ key: 'Bad Key', name: 'Long', questions: [{ label: 'x'.repeat(46) }] }],
    };
    expect((await problemsOf(await put(tooLong))).map((problem) => problem.path).sort()).toEqual([
      'inactivityTimeoutMinutes',
      'ticketTypes.0.key',
      'ticketTypes.0.questions.0.label',
    ]);
    const channelsNowhere = {
      ...before,
      ticketCategoryIds: [],
      ticketTypes: [{ ...before.ticketTypes[0], mode: 'channel' }],
    };
    expect(await problemsOf(await put(channelsNowhere))).toEqual([
      {
        path: 'ticketTypes.0.mode',
        message: `type "${before.ticketTypes[0]?.key}" opens tickets as channels, which needs at least one ticket category`,
      },
    ]);
    const { ticketChannelId: _, ...withoutChannel } = before;
    expect((await problemsOf(await put(withoutChannel))).map((problem) => problem.path)).toEqual(['ticketChannelId']);
    expect(await stored()).toEqual(before);
  });
});

describe('a save from a page opened before another change', () => {
  it('is refused with 409 and changes nothing, so the other change is not undone', async () => {
    const opened = (await (await web.request(path(), { cookie: owner })).json()) as {
      config: GuildConfig;
      version: number;
    };
    const section = await web.request(`${path()}/closing`, {
      method: 'PUT',
      cookie: owner,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reopenWindowDays: opened.config.reopenWindowDays + 1, closingDmEnabled: true }),
    });
    expect(section.status).toBe(200);
    const after = await stored();

    const stale = await web.request(path(), {
      method: 'PUT',
      cookie: owner,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...opened.config, openCooldownSeconds: 900, version: opened.version }),
    });

    expect(stale.status).toBe(409);
    const { error } = (await stale.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('config_changed');
    expect(error.message).toContain('changed since you opened them');
    expect(error.message).toContain('Reload');
    expect(await stored()).toEqual(after);
    expect(after?.reopenWindowDays).toBe(opened.config.reopenWindowDays + 1);
  });
});

describe('a save', () => {
  it('is the whole configuration; /ticket open offers the new type at once, and the open tickets are told', async () => {
    const before = (await stored()) as GuildConfig;
    const billing = {
      key: 'billing',
      name: 'Billing',
      description: 'Payments and refunds',
      questions: [
        { label: 'Which invoice?', style: 'short' as const, maxLength: 100 },
        { label: 'What went wrong?', style: 'paragraph' as const },
      ],
    };
    const response = await put({ ...before, ticketTypes: [...before.ticketTypes, billing], openCooldownSeconds: 30 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { config: GuildConfig; followUps: unknown };
    expect(body.followUps).toEqual({ openTickets: 'told' });
    expect(await stored()).toEqual(body.config);
    expect(body.config.openCooldownSeconds).toBe(30);

    // The fan-out the bot's saves start: one workflow per guild, signalled.
    const fanOut = await system.temporal.client.workflow.getHandle(guildSettingsWorkflowId(guildId)).describe();
    expect(fanOut.type).toBe('guildSettingsFanOutWorkflow');

    // A member opens the new type with the slash command Discord now offers: its two questions are asked.
    const alice = system.discord.driver.as(system.userId('alice'));
    const opened = alice.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'open',
      options: { type: 'billing' },
    });
    const modal: APIModalInteractionResponseCallbackData = await opened.waitForModal(LONG_WAIT_MS);
    const labels = JSON.stringify(modal.components);
    expect(labels).toContain('Which invoice?');
    expect(labels).toContain('What went wrong?');

    const again = await put(body.config);
    expect(((await again.json()) as { followUps: unknown }).followUps).toEqual({ openTickets: 'told' });
    await eventually(async () => expect(await stored()).toEqual(body.config));
  });
});
