import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxDriverError } from '../../../sandbox/discord/index.ts';
import { type CommandWorld, startCommandWorld } from './command-world.ts';

let world: CommandWorld;

beforeAll(async () => {
  world = await startCommandWorld();
  await world.ticket('ada', {
    group: 'config',
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

  it('offers only the guild’s ticket types, and refuses one removed behind the offered list', async () => {
    const alice = world.sandbox.driver.as(world.user('alice').id);
    const open = (type: string) =>
      alice.runSlashCommand(world.channel('lobby').id, 'ticket', { subcommand: 'open', options: { type } });
    // Discord's client offers the registered choices only.
    expect(() => open('nope')).toThrow(SandboxDriverError);
    // Removed without the bot (another process, the panel): the registered list still offers it.
    await world.database.prisma.ticketType.deleteMany({ where: { guildId: world.guildId, key: 'support' } });
    expect((await open('support').waitForReply()).content).toMatch(/no ticket type "support"/);
  });
});
