import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFailure } from '../../activities/discord/index.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { type discordActivities, failureOf, type seedTicketGuild, seedTicketThread } from './discord-fixture.ts';

describe('postStaffReply', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let activities: ReturnType<typeof discordActivities>;
  let threadId: string;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    ({ guild, activities, threadId } = await seedTicketThread(sandbox));
  });
  afterAll(() => sandbox.close());

  const staff = () => ({ id: guild.user('sam').id, name: 'sam_*the*_helper' });

  it('posts one signed message that pings nobody, and returns it as the staff member’s', async () => {
    const input = {
      threadId,
      idempotencyKey: 'ticket:1:7:staff_reply',
      staff: staff(),
      content: `Thanks <@${guild.user('alice').id}>, a refund is on its way.`,
    };
    const stored = await activities.postStaffReply(input);
    const again = await activities.postStaffReply(input);

    expect(again).toEqual(stored);
    expect(stored).toMatchObject({ authorId: staff().id, authorName: staff().name, authorIsBot: false });
    expect(stored.content).toBe(input.content);
    const posted = sandbox.state.messagesIn(threadId).filter((message) => message.id === stored.id);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.author.id).toBe(sandbox.bot.userId);
    expect(posted[0]?.content).toBe(`**sam\\_\\*the\\*\\_helper** (staff): ${input.content}`);
    expect(posted[0]?.mentions).toEqual([]);
    expect(stored.createdAt).toBe(Date.parse(posted[0]?.timestamp ?? ''));
  });

  it('refuses a reply that would not fit Discord, sending nothing', async () => {
    const before = sandbox.state.messagesIn(threadId).length;
    const failure = await failureOf(
      activities.postStaffReply({ threadId, idempotencyKey: 'k2', staff: staff(), content: 'x'.repeat(1990) }),
      DiscordFailure.InvalidInput,
    );
    expect(failure.nonRetryable).toBe(true);
    expect(sandbox.state.messagesIn(threadId)).toHaveLength(before);
  });
});
