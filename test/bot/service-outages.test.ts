import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_WITHIN_MS } from '../../bot/interactions/answer-in-time.ts';
import { READ_WITHIN_MS } from '../../bot/interactions/read-in-time.ts';
import { actOnLiveTicket } from '../../bot/tickets/answer-from-record.ts';
import { translate, translator } from '../../i18n/translate.ts';
import { findTicketByThread } from '../../store/find-ticket.ts';
import { updateTicket } from '../../temporal/ticket-updates.ts';
import { assignTicket, settingsChanged } from '../../workflows/ticket/definitions.ts';
import { isInterim, settledReply } from '../support/settled-reply.ts';
import { hostAndPort, startTcpRelay, type TcpRelay, throughRelay } from '../support/tcp-relay.ts';
import { eventually } from '../support/ticket-harness.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

/**
 * Temporal and Postgres going away under a running system, every part real: the bot reaches Temporal through a
 * relay, and the bot and the worker each reach Postgres through their own, which the tests cut, stall and restore.
 * Whatever is down, the member hears within seconds what is true, and the outcome once it is known.
 */
let system: TicketflowSystem;
const relays = new Map<'temporal' | 'botPostgres' | 'workerPostgres', TcpRelay>();
function relay(name: 'temporal' | 'botPostgres' | 'workerPostgres'): TcpRelay {
  const found = relays.get(name);
  if (!found) throw new Error(`no ${name} relay`);
  return found;
}

/** The first answer comes ANSWER_WITHIN_MS after the request at the latest; the rest is room for a busy machine. */
const FIRST_ANSWER_MS = ANSWER_WITHIN_MS + 5_000;

beforeAll(async () => {
  system = await startTicketflowSystem({
    extraMembers: 4,
    reach: {
      async botTemporal(address) {
        relays.set('temporal', await startTcpRelay(hostAndPort(address)));
        return relay('temporal').address;
      },
      async botPostgres(url) {
        relays.set('botPostgres', await startTcpRelay(hostAndPort(url)));
        return throughRelay(url, relay('botPostgres'));
      },
      async workerPostgres(url) {
        relays.set('workerPostgres', await startTcpRelay(hostAndPort(url)));
        return throughRelay(url, relay('workerPostgres'));
      },
    },
  });
}, 180_000);

afterAll(async () => {
  await system?.close();
  for (const found of relays.values()) await found.close();
});

function pressPanel(member: string) {
  const actor = system.discord.driver.as(system.userId(member));
  const pressed = actor.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  return { actor, pressed };
}

async function submitOpen(member: string, answer: string) {
  const { actor, pressed } = pressPanel(member);
  await pressed.waitForModal(LONG_WAIT_MS);
  const submitted = actor.submitModal(pressed, { q0: answer });
  expect((await submitted.waitForAck()).ackMs).toBeLessThan(3_000);
  return submitted;
}

function ticketCommand(member: string, ticket: LivedTicket, subcommand: string, options = {}) {
  return system.discord.driver
    .as(system.userId(member))
    .runSlashCommand(ticket.threadId, 'ticket', { subcommand, options });
}

/** Sam takes the ticket from #tickets, by its number. */
function claimAsSam(ticket: LivedTicket) {
  return system.discord.driver.as(system.userId('sam')).runSlashCommand(system.channelId('tickets'), 'ticket', {
    subcommand: 'assign',
    options: { ticket: ticket.number, member: system.userId('sam') },
  });
}

const OPENED = /^Your ticket #(\d+) is open: <#(\d+)>$/;

describe('the bot while Temporal is away', () => {
  it('tells a member whose open cannot reach Temporal that it is queued, then that the ticket is open', async () => {
    relay('temporal').cut();
    const submitted = await submitOpen('member-0', 'Temporal is down, I hear.');
    const first = await submitted.waitForReply(FIRST_ANSWER_MS);
    expect(first.content).toBe(translate('en', 'replies.requestQueued'));
    expect(await system.db.prisma.ticket.count({ where: { creatorId: system.userId('member-0') } })).toBe(0);

    relay('temporal').restore();
    const final = await settledReply(submitted, LONG_WAIT_MS);
    expect(final.content).toMatch(OPENED);
    expect(await system.db.prisma.ticket.count({ where: { creatorId: system.userId('member-0') } })).toBe(1);
  }, 180_000);

  it('gives the link of the thread that already exists, then that the ticket is open', async () => {
    // The member's own add to the thread takes 15 s, so the ticket stays half open while Temporal goes away.
    system.discord.state.faults.inject({ route: 'PUT /channels/:channelId/thread-members/:userId', delayMs: 15_000 });
    const submitted = await submitOpen('member-1', 'Half open, please.');
    const row = await eventually(async () => {
      const found = await system.db.prisma.ticket.findFirst({ where: { creatorId: system.userId('member-1') } });
      if (!found?.threadId) throw new Error('no thread yet');
      return found;
    }, LONG_WAIT_MS);
    relay('temporal').cut();

    const first = await submitted.waitForReply(FIRST_ANSWER_MS);
    expect(first.content).toBe(
      `Your ticket #${row.number} is being set up: <#${row.threadId}>. The ticket service is not answering just now; it finishes when the service is back. This message will show the outcome.`,
    );
    relay('temporal').restore();
    expect((await settledReply(submitted, LONG_WAIT_MS)).content).toBe(
      `Your ticket #${row.number} is open: <#${row.threadId}>`,
    );
  }, 180_000);
});

describe('the bot while Postgres is away', () => {
  it('says nothing changed, in time, when its own Postgres hangs before it asked the ticket anything', async () => {
    const ticket = await openFromPanel(system, 'member-2', 'Postgres will hang.');
    relay('botPostgres').stall();
    try {
      const started = Date.now();
      const answer = await ticketCommand('member-2', ticket, 'close').waitForReply(READ_WITHIN_MS + 5_000);
      expect(answer.content).toBe(
        'Could not reach the ticket service just now. Nothing was changed; please try again in a moment.',
      );
      expect(Date.now() - started).toBeLessThan(READ_WITHIN_MS + 3_000);
    } finally {
      relay('botPostgres').restore();
    }
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
    expect(row.status).toBe('open');
  }, 120_000);

  it('answers a staff action whose write failed that nothing changed', async () => {
    const ticket = await openFromPanel(system, 'member-3', 'Claim me while the database is away.');
    relay('workerPostgres').cut();
    try {
      const claim = claimAsSam(ticket);
      expect((await claim.waitForReply(FIRST_ANSWER_MS)).content).toBe(translate('en', 'replies.requestQueued'));
      expect((await settledReply(claim, LONG_WAIT_MS)).content).toBe(translate('en', 'refusals.ticket.unavailable'));
    } finally {
      relay('workerPostgres').restore();
    }
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
    expect(row.assigneeId).toBeNull();
  }, 180_000);

  it('queues a close the database holds up, says what holds it, and says closed once it is back', async () => {
    const ticket = await openFromPanel(system, 'alice', 'Close me while the database is away.');
    const openRow = await findTicketByThread(system.db.prisma, system.world.guild.id, ticket.threadId);
    if (!openRow) throw new Error('the ticket has no row');
    relay('workerPostgres').cut();
    const close = ticketCommand('alice', ticket, 'close', { reason: 'Done here' });
    expect((await close.waitForReply(FIRST_ANSWER_MS)).content).toBe(
      `The ticket service is not answering just now. The close of ticket #${ticket.number} is queued and will complete when the service is back. This message will show the outcome.`,
    );
    const heldUp = await eventually(async () => {
      const reply = await close.waitForReply();
      if (!reply.content.includes('is closing')) throw new Error(`not held up yet: ${reply.content}`);
      return reply.content;
    }, LONG_WAIT_MS);
    expect(heldUp).toMatch(
      new RegExp(
        `^Ticket #${ticket.number} is closing, but I cannot .+ yet: (the ticket database|the transcript storage or the ticket database) is not answering\\. It finishes by itself once it is back\\.$`,
      ),
    );

    // Meanwhile staff act on the closing ticket: its row still says open, the ticket refuses, the row is read again.
    const claim = claimAsSam(ticket);
    expect((await settledReply(claim, LONG_WAIT_MS)).content).toBe(
      `Ticket #${ticket.number} is being closed, so nothing was changed.`,
    );

    relay('workerPostgres').restore();
    // The held-up step would retry on its own timer (1, 2, 4 … minutes); the signal the bot sends when a guild's
    // permissions change makes it retry at once, so the test need not wait out the timer.
    await system.temporal.client.workflow.getHandle(openRow.workflowId).signal(settingsChanged);
    const closed = await eventually(async () => {
      const reply = await close.waitForReply();
      if (isInterim(reply) || reply.content.includes('is closing')) throw new Error(`not closed yet: ${reply.content}`);
      return reply.content;
    }, 3 * LONG_WAIT_MS);
    expect(closed).toBe(`Ticket #${ticket.number} is closed.`);

    // A staff action that read the row before the close finished meets a workflow that has ended since.
    const services = { temporal: system.temporal.client, prisma: system.db.prisma };
    const stillWanted = new AbortController().signal;
    const staleAnswer = await actOnLiveTicket(
      services,
      openRow,
      'change',
      () =>
        updateTicket(
          services.temporal,
          openRow.workflowId,
          assignTicket,
          { actor: { id: system.userId('sam'), name: 'sam', isStaff: true }, assigneeId: system.userId('sam') },
          { updateId: 'stale-claim', stillWanted },
        ).then(() => 'claimed'),
      translator('en'),
    );
    expect(staleAnswer).toMatch(
      new RegExp(
        `^Ticket #${ticket.number} was closed by <@${system.userId('alice')}> on <t:\\d+:f> \\(reason: "Done here"\\), so nothing was changed\\.$`,
      ),
    );
  }, 420_000);
});
