import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffToThread } from '../../activities/discord/add-staff-to-thread.ts';
import { createDiscordRest } from '../../activities/discord/index.ts';
import { STAFF_LIST_TTL_MS } from '../../activities/discord/staff-directory.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { discordActivities, seedTicketGuild } from './discord-fixture.ts';

/** Opening a ticket spends the bot's 50-requests-per-second budget: first attempts skip the retry lookups. */
describe('requests an open makes', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  const requestsSince = (start: number) =>
    sandbox.state.requestLog.slice(start).map((entry) => `${entry.method} ${entry.path.replace(/\d{17,20}/g, ':id')}`);
  const attempt = (number: number) => new MockActivityEnvironment({ attempt: number });

  it('creates the thread straight away on a first attempt, and a retry finds the one it made', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const input = { guildId: guild.guild.id, channelId: guild.channel('tickets').id, name: 'ticket-0007' };

    const start = sandbox.state.requestLog.length;
    const first = await attempt(1).run(() => activities.createTicketThread(input));
    expect(requestsSince(start)).toEqual(['POST /channels/:id/threads']);

    const retried = sandbox.state.requestLog.length;
    expect(await attempt(2).run(() => activities.createTicketThread(input))).toEqual(first);
    expect(requestsSince(retried)).toEqual(['GET /guilds/:id/threads/active']);
  });

  it('adds staff without listing the thread first, and lists the guild members once a minute', async () => {
    const guild = seedTicketGuild(sandbox);
    const rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
    let now = 1_000_000;
    const addStaff = addStaffToThread(rest, () => now);
    const activities = discordActivities(sandbox);
    const thread = async (name: string) =>
      (await activities.createTicketThread({ guildId: guild.guild.id, channelId: guild.channel('tickets').id, name }))
        .threadId;
    const staffRoleIds = [guild.role('Staff').id];

    const firstThread = await thread('ticket-0101');
    const start = sandbox.state.requestLog.length;
    await attempt(1).run(() => addStaff({ guildId: guild.guild.id, threadId: firstThread, staffRoleIds }));
    expect(requestsSince(start)).toEqual(['GET /guilds/:id/members', 'PUT /channels/:id/thread-members/:id']);

    const secondThread = await thread('ticket-0102');
    const reused = sandbox.state.requestLog.length;
    await attempt(1).run(() => addStaff({ guildId: guild.guild.id, threadId: secondThread, staffRoleIds }));
    expect(requestsSince(reused)).toEqual(['PUT /channels/:id/thread-members/:id']);

    now += STAFF_LIST_TTL_MS;
    const stale = sandbox.state.requestLog.length;
    await attempt(2).run(() => addStaff({ guildId: guild.guild.id, threadId: secondThread, staffRoleIds }));
    expect(requestsSince(stale)).toEqual(['GET /guilds/:id/members', 'GET /channels/:id/thread-members']);
  });
});
