import { MockActivityEnvironment } from '@temporalio/testing';
import { MessageFlags, MessageType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    it('brings the humans holding any staff role in with one silent message, and a retry posts nothing new', async () => {
      const { guild, activities, threadId } = await ticketThread();
      const input = {
        guildId: guild.guild.id,
        threadId,
        staffRoleIds: [guild.role('Staff').id, guild.role('Moderators').id],
      };
      const staff = [guild.user('sam').id, guild.user('mia').id].sort(compareDiscordIds);

      const start = sandbox.state.requestLog.length;
      expect(await activities.addStaffToThread(input)).toEqual({ someRolesNotAdded: false });
      expect(await activities.addStaffToThread(input)).toEqual({ someRolesNotAdded: false });

      expect(requestsSince(start, 'GET')).toHaveLength(0);
      expect(requestsSince(start, 'PUT')).toHaveLength(0);
      expect(memberIds(threadId).sort(compareDiscordIds)).toEqual(
        [sandbox.bot.userId, ...staff].sort(compareDiscordIds),
      );
      expect(memberIds(threadId)).not.toContain(guild.user('helperbot').id);
      expect(memberIds(threadId)).not.toContain(guild.user('alice').id);
      const posted = sandbox.state.messagesIn(threadId).filter((message) => message.type === MessageType.Default);
      expect(posted).toHaveLength(1);
      expect((posted[0]?.flags ?? 0) & MessageFlags.SuppressNotifications).toBe(MessageFlags.SuppressNotifications);
    });

    it('costs one request however large the guild is', async () => {
      const { guild, activities, threadId } = await ticketThread();
      const staffRole = guild.role('Staff').id;
      for (let index = 0; index < 3000; index += 1) {
        sandbox.state.addMember(guild.guild.id, sandbox.state.createUser({ username: `member${index}` }).id);
      }
      const lateStaff = Array.from({ length: 30 }, (_, index) => {
        const user = sandbox.state.createUser({ username: `staff${index}` });
        sandbox.state.addMember(guild.guild.id, user.id, { roleIds: [staffRole] });
        return user.id;
      });
      const start = sandbox.state.requestLog.length;

      await activities.addStaffToThread({ guildId: guild.guild.id, threadId, staffRoleIds: [staffRole] });

      expect(sandbox.state.requestLog.slice(start).map((entry) => entry.method)).toEqual(['POST']);
      expect(memberIds(threadId)).toEqual(expect.arrayContaining([guild.user('sam').id, ...lateStaff]));
    });

    it('reports a role Discord will not add by mention: too large, or not mentionable by the bot', async () => {
      const { guild, activities, threadId } = await ticketThread();
      const crowd = sandbox.state.createRole(guild.guild.id, { name: 'Everyone helps', mentionable: true });
      for (let index = 0; index < 150; index += 1) {
        const user = sandbox.state.createUser({ username: `helper${index}` });
        sandbox.state.addMember(guild.guild.id, user.id, { roleIds: [crowd.id] });
      }
      // In an activity's context, as the worker runs it: the report is a warning in the activity's log.
      expect(
        await new MockActivityEnvironment().run(() =>
          activities.addStaffToThread({ guildId: guild.guild.id, threadId, staffRoleIds: [crowd.id] }),
        ),
      ).toEqual({ someRolesNotAdded: true });
      expect(memberIds(threadId)).toEqual([sandbox.bot.userId]);
    });

    it('names the permissions the bot lacks when Discord answers 403', async () => {
      const { guild, activities, threadId } = await ticketThread();
      const tickets = sandbox.state.channels.get(guild.channel('tickets').id);
      tickets?.permissionOverwrites.push({
        id: guild.guild.id,
        type: 0,
        allow: '0',
        deny: PermissionFlagsBits.SendMessagesInThreads.toString(),
      });
      try {
        const failure = await failureOf(
          activities.addStaffToThread({ guildId: guild.guild.id, threadId, staffRoleIds: [guild.role('Staff').id] }),
          DiscordFailure.Forbidden,
        );
        expect(failure.message).toContain(
          `the bot needs View Channel, Send Messages in Threads, Mention All Roles in <#${threadId}>`,
        );
      } finally {
        tickets?.permissionOverwrites.splice(0);
      }
    });
  });
});
