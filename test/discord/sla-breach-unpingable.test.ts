import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { TICKET_BOT_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { discordActivities, ticketFacts } from './discord-fixture.ts';

/** A missed SLA target whose escalation role the bot cannot ping, through the real activity and the local Discord. */
describe('an SLA breach the bot cannot ping anyone for', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  it('is still posted, naming the role, with nobody pinged', async () => {
    const seeded = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      botPermissions: TICKET_BOT_PERMISSIONS & ~PermissionFlagsBits.MentionEveryone,
      roles: [{ name: 'Leads', mentionable: false }],
      members: [{ username: 'alice' }],
    });
    const channelId = seeded.channels.get('tickets')?.id ?? '';
    const roleId = seeded.roles.get('Leads')?.id ?? '';
    const creatorId = seeded.users.get('alice')?.id ?? '';
    const { messageId } = await discordActivities(sandbox).postNotice({
      channelId,
      idempotencyKey: 'sla/unpingable',
      notice: {
        kind: 'sla_breached',
        ticket: ticketFacts({ guildId: seeded.guild.id, creatorId, threadId: channelId }),
        target: 'first_response',
        targetMinutes: 60,
        escalationRoleId: roleId,
      },
    });
    const posted = sandbox.state.messagesIn(channelId).find((message) => message.id === messageId);
    expect(posted?.content).toBe(`<@&${roleId}>`);
    expect(posted?.embeds[0]?.title).toBe('First-response target missed');
    expect(posted?.mention_roles).toEqual([]);
    expect(sandbox.specViolations).toEqual([]);
  });
});
