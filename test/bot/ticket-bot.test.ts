import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { openFromPanel } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem();
}, 180_000);

afterAll(async () => {
  await system?.close();
});

describe('the ticket bot against the local Discord, the dev server and Postgres', () => {
  let threadId: string;

  it('opens a ticket from the panel button and the questions modal', async () => {
    // test/e2e/bot-end-to-end.test.ts checks the new thread in detail; this file goes on with the bot's behaviours.
    const ticket = await openFromPanel(system, 'alice', 'My order never arrived.');
    expect(ticket.number).toBe(1);
    threadId = ticket.threadId;
  });

  it('stores what the member writes in the thread as a reply', async () => {
    const sent = system.discord.driver.as(system.userId('alice')).sendMessage(threadId, 'Any news about my order?');
    const stored = await eventually(async () => {
      const row = await system.db.prisma.ticketMessage.findUnique({ where: { id: sent.id } });
      expect(row).not.toBeNull();
      return row;
    });
    expect(stored).toMatchObject({
      authorId: system.userId('alice'),
      content: 'Any news about my order?',
      authorIsBot: false,
    });
    // The ticket's own notices, posted by the bot, are not replies.
    expect(await system.db.prisma.ticketMessage.count({ where: { authorIsBot: true } })).toBe(0);
  });

  it('records an edit and a delete of a thread message', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const sent = alice.sendMessage(threadId, 'Order 41');
    await eventually(async () => {
      expect(await system.db.prisma.ticketMessage.findUnique({ where: { id: sent.id } })).not.toBeNull();
    });
    alice.editMessage(threadId, sent.id, 'Order 42, sorry');
    await eventually(async () => {
      const row = await system.db.prisma.ticketMessage.findUnique({ where: { id: sent.id } });
      expect(row?.content).toBe('Order 42, sorry');
      expect(row?.editedAt).not.toBeNull();
    });
    alice.deleteMessage(threadId, sent.id);
    await eventually(async () => {
      const row = await system.db.prisma.ticketMessage.findUnique({ where: { id: sent.id } });
      expect(row?.deletedAt).not.toBeNull();
      expect(row?.content).toBe('Order 42, sorry');
    });
  });

  it('lets staff claim the ticket and refuses a member in plain words', async () => {
    const controls = system.controlMessage(threadId);
    const refused = await settledReply(
      system.discord.driver.as(system.userId('alice')).pressButton(threadId, controls.id, 'tclaim:1'),
      30_000,
    );
    expect(refused.content).toBe('Only staff can assign tickets.');
    const claimed = await settledReply(
      system.discord.driver.as(system.userId('sam')).pressButton(threadId, controls.id, 'tclaim:1'),
      30_000,
    );
    expect(claimed.content).toBe('You claimed ticket #1.');
    expect(await system.db.prisma.ticket.findFirst({ where: { threadId } })).toMatchObject({
      assigneeId: system.userId('sam'),
    });
  });

  it('closes from the Close button after a confirmation, with a reason from the modal', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const question = await alice.pressButton(threadId, system.controlMessage(threadId).id, 'tclose:1').waitForReply();
    expect(question.content).toContain('Close ticket #1?');
    expect.soft(question.flags).toBe(64);
    const customIds = JSON.stringify(question.components);
    expect(customIds).toContain('tcloseok:1');
    expect(customIds).toContain('tclosewr:1');

    const withReason = alice.pressButton(threadId, question.id, 'tclosewr:1');
    await withReason.waitForModal();
    const submitted = alice.submitModal(withReason, { reason: 'Solved, thanks' });
    expect((await submitted.waitForAck()).ackMs).toBeLessThan(3000);
    expect((await settledReply(submitted, 60_000)).content).toBe('Ticket #1 is closed.');

    expect(await system.db.prisma.ticket.findFirst({ where: { threadId } })).toMatchObject({
      status: 'closed',
      closeReason: 'Solved, thanks',
      closedById: system.userId('alice'),
    });
    expect(system.discord.state.channels.get(threadId)).toMatchObject({ thread: { archived: true, locked: true } });
  });

  it('opens one ticket for a double click, and answers the second click with it', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const first = alice.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    const second = alice.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    await Promise.all([first.waitForModal(), second.waitForModal()]);
    const answers = await Promise.all(
      [first, second].map((pressed) => settledReply(alice.submitModal(pressed, { q0: 'Again me' }), 60_000)),
    );
    const opened = await system.db.prisma.ticket.findMany({
      where: { creatorId: system.userId('alice'), status: 'open' },
    });
    expect(opened).toHaveLength(1);
    expect(answers.map((answer) => answer.content).sort()).toEqual([
      `You opened ticket #2 moments ago: <#${opened[0]?.threadId}>`,
      `Your ticket #2 is open: <#${opened[0]?.threadId}>`,
    ]);
  });

  it('refuses a blocked member before asking anything, and opens nothing', async () => {
    const pressed = system.discord.driver
      .as(system.userId('mallory'))
      .pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    const answer = await pressed.waitForReply();
    expect(answer.content).toBe('You are not allowed to open tickets in this server.');
    expect(await system.db.prisma.ticket.count({ where: { creatorId: system.userId('mallory') } })).toBe(0);
  });

  it('only ever answered Discord what its API description allows', () => {
    expect(system.discord.specViolations).toEqual([]);
  });
});
