import { MessageType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PER_THREAD } from '../../activities/discord/add-staff-to-thread.ts';
import { DiscordFailure } from '../../activities/discord/index.ts';
import { compareDiscordIds } from '../../domain/discord-id.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { discordActivities, failureOf, seedTicketGuild } from './discord-fixture.ts';

describe('thread members', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  async function ticketThread() {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const { threadId } = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name: 'ticket-0007',
    });
    return { guild, activities, threadId };
  }
  const memberIds = (threadId: string) => sandbox.state.threadMembers(threadId).map((member) => member.userId);
  const requestsSince = (start: number, method: string) =>
    sandbox.state.requestLog.slice(start).filter((entry) => entry.method === method);

  describe('addThreadMembers', () => {
    it('adds each user once, however often it is retried', async () => {
      const { guild, activities, threadId } = await ticketThread();
      const alice = guild.user('alice').id;

      await activities.addThreadMembers({ threadId, userIds: [alice, alice] });
      await activities.addThreadMembers({ threadId, userIds: [alice] });

      expect(memberIds(threadId)).toEqual([sandbox.bot.userId, alice]);
      const systemMessages = sandbox.state
        .messagesIn(threadId)
        .filter((message) => message.type === MessageType.RecipientAdd);
      expect(systemMessages.map((message) => message.mentions.map((user) => user.id))).toEqual([[alice]]);
    });

    it('fails for good when the user is not in the guild', async () => {
      const { activities, threadId } = await ticketThread();
      const stranger = sandbox.state.createUser({ username: 'stranger' });
      const failure = await failureOf(
        activities.addThreadMembers({ threadId, userIds: [stranger.id] }),
        DiscordFailure.NotFound,
      );
      expect(failure.nonRetryable).toBe(true);
      expect(failure.message).toContain('10007');
      expect(memberIds(threadId)).toEqual([sandbox.bot.userId]);
    });
  });

  describe('addStaffToThread', () => {
    it('adds the humans holding any staff role, and a retry adds no one twice', async () => {
      const { guild, activities, threadId } = await ticketThread();
      const input = {
        guildId: guild.guild.id,
        threadId,
        staffRoleIds: [guild.role('Staff').id, guild.role('Moderators').id],
      };
      const staff = [guild.user('sam').id, guild.user('mia').id].sort(compareDiscordIds);

      const first = await activities.addStaffToThread(input);
      const start = sandbox.state.requestLog.length;
      const retry = await activities.addStaffToThread(input);

      expect(first.added).toEqual(staff);
      expect(retry.added).toEqual(staff);
      expect(requestsSince(start, 'PUT')).toHaveLength(0);
      expect(memberIds(threadId).sort(compareDiscordIds)).toEqual(
        [sandbox.bot.userId, ...staff].sort(compareDiscordIds),
      );
      expect(memberIds(threadId)).not.toContain(guild.user('helperbot').id);
      expect(memberIds(threadId)).not.toContain(guild.user('alice').id);
    });

    it(`pages through large guilds and stops at ${STAFF_PER_THREAD} staff`, async () => {
      const { guild, activities, threadId } = await ticketThread();
      const staffRole = guild.role('Staff').id;
      // 1,200 members without the role fill the first page of 1,000; the staff come after them in id order.
      for (let index = 0; index < 1200; index += 1) {
        sandbox.state.addMember(guild.guild.id, sandbox.state.createUser({ username: `member${index}` }).id);
      }
      const lateStaff = Array.from({ length: 30 }, (_, index) => {
        const user = sandbox.state.createUser({ username: `staff${index}` });
        sandbox.state.addMember(guild.guild.id, user.id, { roleIds: [staffRole] });
        return user.id;
      });
      const start = sandbox.state.requestLog.length;

      const { added } = await activities.addStaffToThread({
        guildId: guild.guild.id,
        threadId,
        staffRoleIds: [staffRole],
      });

      expect(added).toEqual([guild.user('sam').id, ...lateStaff].slice(0, STAFF_PER_THREAD));
      expect(requestsSince(start, 'GET').filter((entry) => entry.path.endsWith('/members'))).toHaveLength(2);
      expect(requestsSince(start, 'PUT')).toHaveLength(STAFF_PER_THREAD);
      expect(memberIds(threadId)).toHaveLength(STAFF_PER_THREAD + 1);
    });

    it('is forbidden without the Server Members intent', async () => {
      const { guild, activities, threadId } = await ticketThread();
      sandbox.bot.guildMembersIntent = false;
      try {
        const failure = await failureOf(
          activities.addStaffToThread({ guildId: guild.guild.id, threadId, staffRoleIds: [guild.role('Staff').id] }),
          DiscordFailure.Forbidden,
        );
        expect(failure.nonRetryable).toBe(true);
        expect(failure.message).toContain('50001');
      } finally {
        sandbox.bot.guildMembersIntent = true;
      }
    });
  });
});
