import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFailure } from '../../activities/discord/index.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { isThread } from '../../sandbox/discord/state/records.ts';
import { discordActivities, failureOf, seedTicketGuild, ticketFacts } from './discord-fixture.ts';

describe('lockThread', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  async function ticketThread(name: string) {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const { threadId } = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name,
    });
    const thread = sandbox.state.channels.get(threadId);
    if (!thread || !isThread(thread)) throw new Error('no thread');
    return { guild, activities, thread };
  }
  const patchesOf = (threadId: string) =>
    sandbox.state.requestLog.filter((entry) => entry.method === 'PATCH' && entry.path === `/channels/${threadId}`);

  it('archives and locks with the reason in the audit log, and a retry changes nothing', async () => {
    const { activities, thread } = await ticketThread('ticket-0100');
    const reason = 'Ticket #0100 closed by sam: solved';

    await activities.lockThread({ threadId: thread.id, reason });
    const archivedAt = thread.thread.archiveTimestamp;
    await activities.lockThread({ threadId: thread.id, reason });

    expect(thread.thread).toMatchObject({ archived: true, locked: true, archiveTimestamp: archivedAt });
    const patches = patchesOf(thread.id);
    expect(patches.map((entry) => [entry.status, entry.auditLogReason])).toEqual([
      [200, reason],
      // The retry's edit is refused as Discord refuses edits to archived threads (50083); the activity then sees it is locked.
      [400, reason],
    ]);
  });

  it('locks a thread someone archived by hand', async () => {
    const { activities, thread } = await ticketThread('ticket-0101');
    sandbox.state.updateThread(thread, { archived: true });

    await activities.lockThread({ threadId: thread.id, reason: 'closed' });

    expect(thread.thread).toMatchObject({ archived: true, locked: true });
  });

  it('keeps audit log reasons within 512 characters', async () => {
    const { activities, thread } = await ticketThread('ticket-0102');
    await activities.lockThread({ threadId: thread.id, reason: `Solved: ${'é'.repeat(600)}` });
    const [patch] = patchesOf(thread.id);
    expect(patch?.auditLogReason).toHaveLength(512);
    expect(patch?.auditLogReason?.endsWith('…')).toBe(true);
  });

  it('leaves a locked thread silent: Discord refuses further notices for good', async () => {
    const { guild, activities, thread } = await ticketThread('ticket-0103');
    await activities.lockThread({ threadId: thread.id, reason: 'closed' });
    const failure = await failureOf(
      activities.postNotice({
        channelId: thread.id,
        idempotencyKey: 'late-notice',
        notice: {
          kind: 'inactivity_warning',
          ticket: ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id }),
          closesAt: Date.now(),
        },
      }),
      DiscordFailure.BadRequest,
    );
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('160005');
  });

  it('fails for good on a thread that no longer exists', async () => {
    const { activities } = await ticketThread('ticket-0104');
    const failure = await failureOf(
      activities.lockThread({ threadId: '1234567890123456789', reason: 'closed' }),
      DiscordFailure.NotFound,
    );
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('10003');
  });
});
