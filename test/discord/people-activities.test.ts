import { MockActivityEnvironment } from '@temporalio/testing';
import { MessageFlags, MessageType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDiscordIds } from '../../domain/discord-id.ts';
import type { TicketFacts, TicketNotice } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { seedTicketThread } from './discord-fixture.ts';

const actor = { id: '400000000000000001', name: 'sam', isStaff: true };

function roleAdded(guildId: string, threadId: string, roleId: string, language?: string) {
  const ticket: TicketFacts = {
    guildId,
    number: 42,
    typeName: 'Support',
    creatorId: '500000000000000001',
    creatorName: 'alice',
    assigneeId: null,
    threadId,
    openedAt: Date.UTC(2026, 0, 5),
  };
  return { kind: 'role_added', ticket, roleId, actor, language } satisfies TicketNotice;
}

describe('people activities', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());
  const memberIds = (threadId: string) =>
    sandbox.state
      .threadMembers(threadId)
      .map((member) => member.userId)
      .sort(compareDiscordIds);

  describe('addRoleToThread', () => {
    it("brings the role's human members in with one silent notice in the guild's language, once per key", async () => {
      const { guild, activities, threadId } = await seedTicketThread(sandbox);
      const regulars = guild.role('Regulars').id;
      const input = {
        threadId,
        idempotencyKey: 'wf-1:7:role_added',
        notice: roleAdded(guild.guild.id, threadId, regulars, 'de'),
      };
      const start = sandbox.state.requestLog.length;
      expect(await activities.addRoleToThread(input)).toEqual({ someMembersNotAdded: false });
      expect(await activities.addRoleToThread(input)).toEqual({ someMembersNotAdded: false });

      expect(sandbox.state.requestLog.slice(start).map((entry) => entry.method)).toEqual(['POST', 'POST']);
      expect(memberIds(threadId)).toEqual(
        [sandbox.bot.userId, guild.user('alice').id, guild.user('mia').id].sort(compareDiscordIds),
      );
      const posted = sandbox.state.messagesIn(threadId).filter((message) => message.type === MessageType.Default);
      expect(posted).toHaveLength(1);
      expect((posted[0]?.flags ?? 0) & MessageFlags.SuppressNotifications).toBe(MessageFlags.SuppressNotifications);
      expect(posted[0]?.embeds[0]?.description).toBe(
        `<@&${regulars}> wurde von <@${actor.id}> zu Ticket #0042 hinzugefügt: Die Mitglieder der Rolle sehen das Ticket jetzt.`,
      );
    });

    it('says when Discord did not add the members of a role of about 100 members or more', async () => {
      const { guild, activities, threadId } = await seedTicketThread(sandbox);
      const crowd = sandbox.state.createRole(guild.guild.id, { name: 'Everyone helps', mentionable: true });
      for (let index = 0; index < 120; index += 1) {
        const user = sandbox.state.createUser({ username: `crowd${index}` });
        sandbox.state.addMember(guild.guild.id, user.id, { roleIds: [crowd.id] });
      }
      const result = await new MockActivityEnvironment().run(() =>
        activities.addRoleToThread({
          threadId,
          idempotencyKey: 'wf-2:3:role_added',
          notice: roleAdded(guild.guild.id, threadId, crowd.id),
        }),
      );
      expect(result).toEqual({ someMembersNotAdded: true });
      expect(memberIds(threadId)).toEqual([sandbox.bot.userId]);
    });
  });
});
