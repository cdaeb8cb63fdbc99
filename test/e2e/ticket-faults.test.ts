import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/ticket-harness.ts';
import {
  channelCounts,
  claimAsStaff,
  closeWithReason,
  faultFreeFinalState,
  finalState,
  LONG_WAIT_MS,
  openFromPanel,
  post,
  requestsSince,
  waitUntilStored,
} from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

/**
 * Faults around one ticket's whole life (open from the panel, talk, claim, close with a reason), each ending
 * in the state a fault-free life ends in: no second thread, notice, message or event. The scenarios share one
 * system and run in sequence, each with its own member.
 */
let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem({ extraMembers: 1 });
}, 120_000);

afterAll(async () => {
  await system?.close();
});

describe('a ticket under faults ends as a fault-free one does', () => {
  it('survives the worker SIGKILLed once while open and once in the middle of closing', async () => {
    const before = channelCounts(system);
    const ticket = await openFromPanel(system, 'alice', 'My parcel is lost.');

    await system.worker.kill();
    // Signals wait in Temporal while no worker runs; the restarted worker stores them.
    const written = [
      post(system, ticket, 'alice', 'Order 1041, sent last Monday.'),
      post(system, ticket, 'sam', 'Looking into it.'),
    ];
    await system.worker.start();
    await waitUntilStored(system, written);
    expect(await claimAsStaff(system, ticket)).toBe(`You claimed ticket #${ticket.number}.`);

    // The closing notice is posted but its answer held back: the worker dies inside that activity, so the
    // restarted one must run it again (after its 30 s timeout) without a second notice.
    const closingNotice = `POST /channels/${ticket.threadId}/messages`;
    system.discord.state.faults.inject({ route: closingNotice, delayMs: 5_000 });
    const logged = system.discord.state.requestLog.length;
    const answer = await closeWithReason(system, ticket, 'Parcel found', async () => {
      await eventually(
        () =>
          expect(requestsSince(system, logged).some((entry) => `${entry.method} ${entry.path}` === closingNotice)).toBe(
            true,
          ),
        LONG_WAIT_MS,
      );
      await system.worker.kill();
      await system.worker.start();
    });
    expect(answer).toBe(`Ticket #${ticket.number} is closed.`);
    // The restarted worker posted the closing notice again, and Discord's nonce gave back the first one.
    const noticeRequests = requestsSince(system, logged).filter(
      (entry) => `${entry.method} ${entry.path}` === closingNotice,
    );
    expect(noticeRequests).toHaveLength(2);

    const expected = {
      before,
      reason: 'Parcel found',
      storedMessageIds: written,
      transcriptTexts: ['My parcel is lost.', 'Order 1041, sent last Monday.', 'Looking into it.'],
    };
    expect(await finalState(system, ticket, expected)).toEqual(faultFreeFinalState(system, ticket, expected));
  }, 300_000);

  it('absorbs 429s and 500s on a share of the REST calls of both the bot and the worker', async () => {
    const before = channelCounts(system);
    const logged = system.discord.state.requestLog.length;
    const always = 10_000;
    // Each call of the bot (interaction answers, edits of the deferred answer) and each single-call activity of
    // the worker (thread, notices, members, lock) fails in turn; anyone's every 4th call is rate limited.
    // A 500 is not spread over every call: one attempt of the transcript makes a dozen reads, and a fixed share
    // of all calls would fail every attempt of it. An open creates one thread, so its first creation fails: the
    // retry must find no half-made thread and create exactly one.
    for (const rule of [
      { route: 'POST /interactions/:interactionId/:token/callback', status: 429, every: 3 },
      { route: 'PATCH /webhooks/:applicationId/:token/messages/:messageId', status: 500, every: 2 },
      { route: 'POST /channels/:channelId/threads', status: 500, times: 1 },
      { route: 'POST /channels/:channelId/messages', status: 500, every: 2 },
      { route: 'PUT /channels/:channelId/thread-members/:userId', status: 500, every: 2 },
      { route: 'PATCH /channels/:channelId', status: 500, every: 2 },
      { status: 429, every: 4 },
    ])
      system.discord.state.faults.inject({ times: always, retryAfterSeconds: 1, ...rule });
    try {
      const ticket = await openFromPanel(system, 'bob', 'I was charged twice.');
      const written = [
        post(system, ticket, 'bob', 'Both on the 3rd of May.'),
        post(system, ticket, 'sam', 'I see both charges.'),
        post(system, ticket, 'bob', 'Thanks!'),
      ];
      await waitUntilStored(system, written);
      expect(await claimAsStaff(system, ticket)).toBe(`You claimed ticket #${ticket.number}.`);
      expect(await closeWithReason(system, ticket, 'Refunded')).toBe(`Ticket #${ticket.number} is closed.`);
      const expected = {
        before,
        reason: 'Refunded',
        storedMessageIds: written,
        transcriptTexts: ['I was charged twice.', 'Both on the 3rd of May.', 'I see both charges.', 'Thanks!'],
      };
      expect(await finalState(system, ticket, expected)).toEqual(faultFreeFinalState(system, ticket, expected));
    } finally {
      system.discord.state.faults.clear();
    }

    const faulted = requestsSince(system, logged).filter((entry) => entry.status === 429 || entry.status === 500);
    const byBot = (entry: { path: string }) => /^\/(interactions|webhooks)\//.test(entry.path);
    expect({
      botRateLimited: faulted.some((entry) => byBot(entry) && entry.status === 429),
      botFailed: faulted.some((entry) => byBot(entry) && entry.status === 500),
      workerRateLimited: faulted.some((entry) => !byBot(entry) && entry.status === 429),
      workerFailed: faulted.some((entry) => entry.path.endsWith('/threads') && entry.status === 500),
    }).toEqual({ botRateLimited: true, botFailed: true, workerRateLimited: true, workerFailed: true });
    expect(faulted.length).toBeGreaterThanOrEqual(10);
  }, 300_000);

  it('gets member messages through a resumed gateway once, and through the catch-up after a non-resumable gap', async () => {
    const gateway = system.discord.gateway;
    const before = channelCounts(system);
    const ticket = await openFromPanel(system, 'member-0', 'The app crashes at login.');

    // Dropped sockets resume, and the resume replays what was posted while the bot was away.
    const resumes = gateway.count('resume');
    gateway.closeAll(4000);
    const whileDropped = [
      post(system, ticket, 'member-0', 'It shows error 17.'),
      post(system, ticket, 'sam', 'Which version?'),
    ];
    await gateway.waitFor('resume', resumes + 1, LONG_WAIT_MS);
    const afterResume = post(system, ticket, 'member-0', 'Version 2.4.');
    await waitUntilStored(system, [...whileDropped, afterResume]);

    // A non-resumable invalid session: the bot identifies anew and Discord replays nothing, so the message of
    // the gap reaches the ticket only through the bot reading the thread back once the new session is ready.
    const identifies = gateway.count('identify');
    gateway.invalidateSessions(false);
    const inTheGap = post(system, ticket, 'member-0', 'Also on the tablet.');
    await gateway.waitFor('identify', identifies + 1, LONG_WAIT_MS);
    const afterIdentify = post(system, ticket, 'member-0', 'Reinstalled, still crashes.');
    await waitUntilStored(system, [inTheGap, afterIdentify]);

    expect(await claimAsStaff(system, ticket)).toBe(`You claimed ticket #${ticket.number}.`);
    expect(await closeWithReason(system, ticket, 'Fixed in 2.5')).toBe(`Ticket #${ticket.number} is closed.`);

    const expected = {
      before,
      reason: 'Fixed in 2.5',
      // Every message is a reply, the one of the non-resumable gap included: the same end as a fault-free life.
      storedMessageIds: [...whileDropped, afterResume, inTheGap, afterIdentify],
      transcriptTexts: [
        'The app crashes at login.',
        'It shows error 17.',
        'Which version?',
        'Version 2.4.',
        'Also on the tablet.',
        'Reinstalled, still crashes.',
      ],
    };
    expect(await finalState(system, ticket, expected)).toEqual(faultFreeFinalState(system, ticket, expected));
  }, 300_000);
});
