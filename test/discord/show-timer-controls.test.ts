import { type APIMessage, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimerState } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import {
  type discordActivities,
  failureOf,
  type seedTicketGuild,
  seedTicketThread,
  ticketFacts,
} from './discord-fixture.ts';

/** Each button's label and whether it is disabled, for each timer state: resuming also turns a disabled timer on. */
const SHOWN: Record<TimerState, [string, boolean][]> = {
  running: [
    ['Close', false],
    ['Claim', false],
    ['Unclaim', false],
    ['Pause timer', false],
    ['Resume timer', true],
    ['Request close', false],
    ['Turn timer off', false],
  ],
  paused: [
    ['Close', false],
    ['Claim', false],
    ['Unclaim', false],
    ['Pause timer', true],
    ['Resume timer', false],
    ['Request close', false],
    ['Turn timer off', false],
  ],
  disabled: [
    ['Close', false],
    ['Claim', false],
    ['Unclaim', false],
    ['Pause timer', true],
    ['Resume timer', false],
    ['Request close', false],
    ['Turn timer off', true],
  ],
};

describe('showTimerControls', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let activities: ReturnType<typeof discordActivities>;
  let threadId: string;
  let keyCount = 0;

  beforeAll(async () => {
    // Discord's 5 message writes per 5 seconds in a channel (edits included) is lifted: these tests check what an
    // edit changes, and the activities' client hands a longer wait to Temporal as a failure.
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {} } });
    ({ guild, activities, threadId } = await seedTicketThread(sandbox));
  });
  afterAll(() => sandbox.close());

  async function welcome(timer?: TimerState): Promise<string> {
    keyCount += 1;
    const { messageId } = await activities.postNotice({
      channelId: threadId,
      idempotencyKey: `test/welcome/${keyCount}`,
      notice: {
        kind: 'welcome',
        ticket: ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id, threadId }),
        openingMessage: '',
        answers: [],
        questions: [],
        notificationRoleId: null,
        ...(timer ? { timer } : {}),
      },
    });
    return messageId;
  }

  const stored = (messageId: string): APIMessage => {
    const message = sandbox.state.message(threadId, messageId);
    if (!message) throw new Error(`message ${messageId} is gone`);
    return message;
  };
  /** Each button's label and whether Discord shows it disabled. */
  const buttons = (messageId: string) =>
    (stored(messageId).components ?? []).flatMap((row) =>
      row.type === ComponentType.ActionRow
        ? row.components.map((button) => [
            button.type === ComponentType.Button && 'label' in button && button.label,
            button.disabled,
          ])
        : [],
    );
  const editsOf = (messageId: string) =>
    sandbox.state.requestLog.filter((entry) => entry.path === `/channels/${threadId}/messages/${messageId}`);

  it('a welcome shows the controls for the timer it was posted with; an older welcome shows a running timer', async () => {
    expect(buttons(await welcome('paused'))).toEqual(SHOWN.paused);
    expect(buttons(await welcome())).toEqual(SHOWN.running);
  });

  it('edits only the components, in one PATCH per call, and the same call again leaves the same message', async () => {
    const messageId = await welcome('running');
    const before = stored(messageId);
    const timers: TimerState[] = ['paused', 'paused', 'disabled', 'running'];
    for (const timer of timers) {
      await activities.showTimerControls({ threadId, messageId, ticketNumber: 42, timer });
      expect(buttons(messageId)).toEqual(SHOWN[timer]);
    }

    const edits = editsOf(messageId);
    expect(edits.map((entry) => [entry.method, entry.status, Object.keys(entry.body as object)])).toEqual(
      timers.map(() => ['PATCH', 200, ['components']]),
    );
    expect(stored(messageId)).toMatchObject({ content: before.content, embeds: before.embeds });
  });

  it('is refused, as Discord refuses it, on a message the bot did not write', async () => {
    const thread = sandbox.state.channels.get(threadId);
    if (!thread) throw new Error('no thread');
    const written = sandbox.state.createMessage(thread, guild.user('alice').id, { content: 'my message' });
    const failure = await failureOf(
      activities.showTimerControls({ threadId, messageId: written.message.id, ticketNumber: 42, timer: 'paused' }),
      'DiscordForbidden',
    );
    expect(failure.message).toMatch(/another user/i);
    expect(stored(written.message.id).components ?? []).toEqual([]);
  });

  it('names the bad field and sends nothing', async () => {
    const messageId = await welcome('running');
    const requests = sandbox.state.requestLog.length;
    const refusals = [
      activities.showTimerControls({ threadId: 'thread', messageId, ticketNumber: 42, timer: 'paused' }),
      activities.showTimerControls({ threadId, messageId, ticketNumber: 0, timer: 'paused' }),
      activities.showTimerControls({ threadId, messageId, ticketNumber: 42, timer: 'stopped' as TimerState }),
    ];
    const messages = await Promise.all(
      refusals.map(async (refusal) => (await failureOf(refusal, 'DiscordInvalidInput')).message),
    );
    expect(messages[0]).toMatch(/threadId/);
    expect(messages[1]).toMatch(/ticketNumber/);
    expect(messages[2]).toMatch(/timer/);
    expect(sandbox.state.requestLog.length).toBe(requests);
  });
});
