import { MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandWorld, startCommandWorld } from './command-world.ts';

let world: CommandWorld;

beforeAll(async () => {
  world = await startCommandWorld();
  await world.ticketConfig('ada', {
    subcommand: 'ticket-channel',
    options: { channel: world.channel('tickets').id },
  });
  const alice = world.user('alice');
  await world.database.prisma.ticket.create({
    data: {
      guildId: world.guildId,
      number: 1,
      workflowId: `ticket-${world.guildId}-1`,
      typeKey: 'support',
      typeName: 'Support',
      creatorId: alice.id,
      creatorName: alice.username,
      status: 'open',
      answers: [],
      settings: {},
      openedAt: new Date(),
      lastActivityAt: new Date(),
    },
  });
});

afterAll(async () => {
  await world?.stop();
});

// Refused before any workflow is reached: the world's Temporal address answers nothing, so a refusal that tried
// would answer "could not reach the ticket service" instead.
describe('/ticket actions refused in plain words', () => {
  it('needs a ticket thread or a ticket number', async () => {
    for (const subcommand of ['close', 'pause', 'resume', 'unassign']) {
      expect((await world.ticket('sam', { subcommand })).text).toBe(
        'Use this in a ticket thread, or give the ticket number.',
      );
    }
  });

  it('names a ticket number the guild does not have', async () => {
    const { text } = await world.ticket('ada', {
      subcommand: 'assign',
      options: { ticket: 999, member: world.user('sam').id },
    });
    expect(text).toBe('There is no ticket #999 in this server.');
  });

  it('keeps staff actions to staff', async () => {
    const bob = world.user('bob').id;
    expect((await world.ticket('alice', { subcommand: 'assign', options: { ticket: 1, member: bob } })).text).toBe(
      'Only staff can assign tickets.',
    );
    expect((await world.ticket('alice', { subcommand: 'add-user', options: { ticket: 1, member: bob } })).text).toBe(
      'Only staff can add members to tickets.',
    );
    expect((await world.ticket('alice', { subcommand: 'pause', options: { ticket: 1 } })).text).toBe(
      'Only staff can pause the inactivity timer.',
    );
    expect((await world.ticket('bob', { subcommand: 'close', options: { ticket: 1 } })).text).toBe(
      'Only the member who opened this ticket or staff can close it.',
    );
  });

  it('suggests only the guild’s ticket types, and refuses a typed one it does not have, in the member’s language', async () => {
    const alice = world.sandbox.driver.as(world.user('alice').id);
    const lobby = world.channel('lobby').id;
    const suggested = async (typed: string) => {
      const answer = await alice
        .typeInOption(lobby, 'ticket', { subcommand: 'open', focused: { name: 'type', typed } })
        .waitForChoices();
      expect(answer.ackMs).toBeLessThan(3_000);
      return answer.choices.map((choice) => choice.value);
    };
    const open = (type: string) => alice.runSlashCommand(lobby, 'ticket', { subcommand: 'open', options: { type } });
    const tickets = await world.database.prisma.ticket.count();
    expect(await suggested('SUP')).toEqual(['support']);
    expect(await suggested('nope')).toEqual([]);
    // Discord sends whatever was typed when no suggestion was picked.
    const refused = await open('nope').waitForReply();
    expect(refused.content).toBe(
      'This server has no ticket type "nope". Choose one of the types suggested as you type. Nothing was opened.',
    );
    expect(refused.flags).toBe(MessageFlags.Ephemeral);
    alice.setLocale('de');
    expect((await open('nope').waitForReply()).content).toBe(
      'Auf diesem Server gibt es den Tickettyp „nope“ nicht. Wähle beim Tippen einen der vorgeschlagenen Typen. Es wurde nichts geöffnet.',
    );
    alice.setLocale('en-US');
    // Removed without the bot (another process, the panel): no longer suggested, and refused if typed anyway.
    await world.database.prisma.ticketType.deleteMany({ where: { guildId: world.guildId, key: 'support' } });
    expect(await suggested('')).toEqual([]);
    expect((await open('support').waitForReply()).content).toMatch(/no ticket type "support"/);
    expect(await world.database.prisma.ticket.count()).toBe(tickets);
  });
});
