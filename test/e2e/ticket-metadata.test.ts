import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketLabels, TicketPriority, TicketType } from '../../workflows/search-attributes.ts';
import { getTicketState } from '../../workflows/ticket/definitions.ts';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;
let ticket: LivedTicket;

beforeAll(async () => {
  system = await startTicketflowSystem();
  ticket = await openFromPanel(system, 'alice', 'I was charged twice.');
}, 240_000);

afterAll(async () => {
  await system?.close();
});

type Options = Record<string, string | number | boolean>;

type Command = { group?: string; subcommand: string; options?: Options };

/** Runs `/ticket …` (or another command) as `user` in the ticket's thread and returns the final private answer. */
async function ticketCommand(user: string, command: Command, name = 'ticket') {
  const member = system.discord.driver.as(user === 'owner' ? system.world.owner.id : system.userId(user));
  return (await settledReply(member.runSlashCommand(ticket.threadId, name, command), LONG_WAIT_MS)).content;
}

/** `/ticket-config …` as `user`. */
const ticketConfig = (user: string, command: Command) => ticketCommand(user, command, 'ticket-config');

const row = () => system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
const attributes = async () =>
  (await system.temporal.client.workflow.getHandle((await row()).workflowId).describe()).typedSearchAttributes;
const threadText = () => JSON.stringify(system.discord.state.messagesIn(ticket.threadId));

describe('priority and labels through Discord', () => {
  it('lets an admin add a second ticket type to move tickets to', async () => {
    await ticketConfig('owner', {
      group: 'type',
      subcommand: 'add',
      options: { key: 'billing', name: 'Billing' },
    });
    await ticketConfig('owner', {
      group: 'question',
      subcommand: 'add',
      options: { type: 'billing', question: 'Invoice number?' },
    });
    expect(
      (await system.db.prisma.ticketQuestion.findMany({ where: { typeKey: 'billing' } })).map((q) => q.label),
    ).toEqual(['Invoice number?']);
  });

  it('lets an admin add labels to the list, and refuses a duplicate', async () => {
    expect(await ticketConfig('owner', { group: 'label', subcommand: 'add', options: { name: 'refund' } })).toBe(
      'Label “refund” added. Staff can now put it on tickets with /ticket label add.',
    );
    await ticketConfig('owner', {
      group: 'label',
      subcommand: 'add',
      options: { name: 'vip', color: '#ff8800' },
    });
    expect(await ticketConfig('owner', { group: 'label', subcommand: 'add', options: { name: 'REFUND' } })).toBe(
      'There is already a label “REFUND”. Nothing was changed.',
    );
    expect(
      (await system.db.prisma.guildTicketLabel.findMany({ orderBy: { position: 'asc' } })).map((l) => l.name),
    ).toEqual(['refund', 'vip']);
  });

  it('sets priority and labels by command: the row, the attributes, the thread and the welcome summary', async () => {
    expect(await ticketCommand('sam', { subcommand: 'priority', options: { level: 'urgent' } })).toBe(
      `Ticket #${ticket.number} now has priority Urgent.`,
    );
    expect(await ticketCommand('sam', { group: 'label', subcommand: 'add', options: { label: 'Refund' } })).toBe(
      `Labels of ticket #${ticket.number}: refund.`,
    );
    expect(await row()).toMatchObject({ priority: 3, labels: ['refund'] });
    const searchable = await attributes();
    expect(searchable.get(TicketPriority)).toBe(3);
    expect(searchable.get(TicketLabels)).toEqual(['refund']);
    await eventually(() => {
      expect(threadText()).toContain('to **Urgent**');
      const welcome = system.controlMessage(ticket.threadId);
      const fields = system.discord.state.message(ticket.threadId, welcome.id)?.embeds[0]?.fields ?? [];
      expect(fields).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'Priority', value: 'Urgent' }),
          expect.objectContaining({ name: 'Labels', value: '`refund`' }),
        ]),
      );
    });
  });

  it('shows both in /ticket list, and filters by them', async () => {
    const listed = await ticketCommand('sam', { subcommand: 'list' });
    expect(listed).toContain(`**#${ticket.number}**`);
    expect(listed).toContain('priority **Urgent**');
    expect(listed).toContain('labels `refund`');
    const byLabel = await ticketCommand('sam', {
      subcommand: 'list',
      options: { label: 'refund', priority: 'urgent' },
    });
    expect(byLabel).toContain(`**#${ticket.number}**`);
    expect(await ticketCommand('sam', { subcommand: 'list', options: { priority: 'low' } })).toBe(
      'No open tickets match these filters.',
    );
    expect(await ticketCommand('sam', { subcommand: 'list', options: { label: 'nope' } })).toBe(
      "“nope” is not one of this server's labels (refund, vip). Nothing was changed.",
    );
  });

  it("refuses a label off the server's list and a member who is not staff, privately, with nothing changed", async () => {
    expect(await ticketCommand('sam', { group: 'label', subcommand: 'add', options: { label: 'bug' } })).toBe(
      "“bug” is not one of this server's labels (refund, vip). Nothing was changed.",
    );
    expect(await ticketCommand('alice', { subcommand: 'priority', options: { level: 'low' } })).toBe(
      'Only staff can set the priority of tickets. Nothing was changed.',
    );
    expect(await ticketCommand('alice', { group: 'label', subcommand: 'remove', options: { label: 'refund' } })).toBe(
      'Only staff can label tickets. Nothing was changed.',
    );
    expect(await row()).toMatchObject({ priority: 3, labels: ['refund'] });
  });
});

describe('rename and move through Discord', () => {
  it('renames the thread keeping its number, and refuses a name over the limit with nothing changed', async () => {
    expect(await ticketCommand('sam', { subcommand: 'rename', options: { name: 'Double charge' } })).toBe(
      `Ticket #${ticket.number} is now called ${String(ticket.number).padStart(4, '0')}-Double charge.`,
    );
    expect(system.discord.state.channels.get(ticket.threadId)?.name).toBe(
      `${String(ticket.number).padStart(4, '0')}-Double charge`,
    );
    expect(await ticketCommand('sam', { subcommand: 'rename', options: { name: 'x'.repeat(96) } })).toBe(
      "A ticket's name can be at most 95 characters, so the thread keeps its number within Discord's 100. Nothing was changed.",
    );
    expect(await ticketCommand('alice', { subcommand: 'rename', options: { name: 'mine' } })).toBe(
      'Only staff can rename tickets. Nothing was changed.',
    );
    expect(system.discord.state.channels.get(ticket.threadId)?.name).toContain('Double charge');
    expect(await system.db.prisma.ticketEvent.count({ where: { kind: 'renamed' } })).toBe(1);
  });

  it('moves the ticket to another type, and refuses an unknown type and the same type with nothing changed', async () => {
    expect(await ticketCommand('sam', { subcommand: 'move', options: { type: 'nowhere' } })).toBe(
      'This server has no ticket type “nowhere” (types: support, billing). Nothing was changed.',
    );
    expect(await ticketCommand('alice', { subcommand: 'move', options: { type: 'billing' } })).toBe(
      'Only staff can move tickets. Nothing was changed.',
    );
    expect(await row()).toMatchObject({ typeKey: 'support' });
    expect(await ticketCommand('sam', { subcommand: 'move', options: { type: 'billing' } })).toBe(
      `Ticket #${ticket.number} is now a Billing ticket.`,
    );
    expect(await row()).toMatchObject({ typeKey: 'billing', typeName: 'Billing' });
    expect((await attributes()).get(TicketType)).toBe('billing');
    expect(await ticketCommand('sam', { subcommand: 'move', options: { type: 'billing' } })).toBe(
      `Ticket #${ticket.number} is already a Billing ticket. Nothing was changed.`,
    );
    await eventually(() => {
      expect(threadText()).toContain('from **Support** to **Billing**');
      expect(threadText()).toContain('Invoice number?');
    });
    const state = await system.temporal.client.workflow.getHandle((await row()).workflowId).query(getTicketState);
    expect(state.settings?.typeName).toBe('Billing');
    expect(await system.db.prisma.ticketEvent.count({ where: { kind: 'moved' } })).toBe(1);
  });
});
