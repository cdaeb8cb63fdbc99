import { ChannelType, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxDriverError, type SandboxInteraction } from '../../sandbox/discord/index.ts';
import { FileTranscriptStorage } from '../../transcripts/index.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import { settledReply } from '../support/settled-reply.ts';
import { eventually } from '../support/ticket-harness.ts';
import { SUPPORT_QUESTION, startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem();
}, 180_000);

afterAll(async () => {
  await system?.close();
});

/** What a member sees after pressing the ticket's control button or running a command there, once final. */
async function answer(pending: SandboxInteraction): Promise<string> {
  return (await settledReply(pending, 60_000)).content;
}

describe('a ticket driven through Discord: the bot, the worker process, the dev server, Postgres', () => {
  let threadId: string;
  let number: number;

  it('opens from the panel button and the questions modal into a private thread that pings the role', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const pressed = alice.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    expect((await pressed.waitForAck()).ackMs).toBeLessThan(3_000);
    await pressed.waitForModal();
    const submitted = alice.submitModal(pressed, { q0: 'My order **never** arrived.' });
    expect((await submitted.waitForAck()).ackMs).toBeLessThan(3_000);
    const opened = /^Your ticket #(\d+) is open: <#(\d+)>$/.exec(await answer(submitted));
    expect(opened).not.toBeNull();
    number = Number(opened?.[1]);
    threadId = opened?.[2] ?? '';

    expect(system.discord.state.channels.get(threadId)).toMatchObject({
      type: ChannelType.PrivateThread,
      parentId: system.channelId('tickets'),
    });
    await eventually(() => {
      const members = system.discord.state.threadMembers(threadId).map((member) => member.userId);
      expect(members).toEqual(expect.arrayContaining([system.userId('alice'), system.userId('sam')]));
      expect(members).not.toContain(system.userId('bob'));
      const messages = system.discord.state.messagesIn(threadId);
      const thread = JSON.stringify(messages);
      expect(thread).toContain('My order **never** arrived.');
      expect(thread).toContain(SUPPORT_QUESTION);
      expect(messages.some((message) => message.mention_roles.includes(system.roleId('Alerts')))).toBe(true);
    });
  });

  it('stores what member and staff say in the thread, each once', async () => {
    const fromAlice = system.discord.driver.as(system.userId('alice')).sendMessage(threadId, 'Any news?');
    const fromSam = system.discord.driver.as(system.userId('sam')).sendMessage(threadId, 'Checking with the courier.');
    const ticket = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
    await eventually(async () => {
      const stored = await system.db.prisma.ticketMessage.findMany({
        where: { guildId: ticket.guildId, ticketId: ticket.id },
      });
      expect(stored.map((message) => message.id).sort()).toEqual([fromAlice.id, fromSam.id].sort());
    });
  });

  it('refuses a member who tries staff actions, and changes nothing', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const assign = alice.runSlashCommand(threadId, 'ticket', {
      subcommand: 'assign',
      options: { member: system.userId('alice') },
    });
    expect(await answer(assign)).toBe('Only staff can assign tickets.');
    // Bob cannot see the private thread; from the channel he names the ticket by its number.
    const bob = system.discord.driver.as(system.userId('bob'));
    const close = bob.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'close',
      options: { ticket: number },
    });
    expect(await answer(close)).toBe('Only the member who opened this ticket or staff can close it.');
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
    expect(row).toMatchObject({ status: 'open', assigneeId: null });
  });

  it('lets staff claim, add a member, and pause and resume the inactivity timer', async () => {
    const sam = system.discord.driver.as(system.userId('sam'));
    const controls = system.controlMessage(threadId);
    expect(await answer(sam.pressButton(threadId, controls.id, `tclaim:${number}`))).toBe(
      `You claimed ticket #${number}.`,
    );
    const add = sam.runSlashCommand(threadId, 'ticket', {
      subcommand: 'add-user',
      options: { member: system.userId('bob') },
    });
    expect(await answer(add)).toBe(`<@${system.userId('bob')}> was added to ticket #${number}.`);
    await eventually(() => {
      expect(system.discord.state.threadMembers(threadId).map((member) => member.userId)).toContain(
        system.userId('bob'),
      );
    });
    expect(await answer(sam.pressButton(threadId, controls.id, `tpause:${number}`))).toContain('paused');
    expect(await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } })).toMatchObject({
      timerState: 'paused',
    });
    // The controls follow the timer: a paused timer offers Resume only, and Discord will not press a disabled button.
    const disabledControls = () =>
      (system.discord.state.message(threadId, controls.id)?.components ?? [])
        .flatMap((row) => (row.type === ComponentType.ActionRow ? row.components : []))
        .filter((button) => button.disabled)
        .map((button) => ('custom_id' in button ? button.custom_id : ''));
    await eventually(() => expect(disabledControls()).toEqual([`tpause:${number}`]));
    expect(() => sam.pressButton(threadId, controls.id, `tpause:${number}`)).toThrow(SandboxDriverError);
    expect(await answer(sam.runSlashCommand(threadId, 'ticket', { subcommand: 'resume' }))).toContain('resumed');
    await eventually(() => expect(disabledControls()).toEqual([`tresume:${number}`]));
    expect(await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } })).toMatchObject({
      assigneeId: system.userId('sam'),
      timerState: 'running',
    });
  });

  it('closes when the member asks, with a reason: transcript, summary, locked thread, and the full record', async () => {
    const alice = system.discord.driver.as(system.userId('alice'));
    const close = alice.runSlashCommand(threadId, 'ticket', {
      subcommand: 'close',
      options: { reason: 'Parcel found' },
    });
    expect(await answer(close)).toBe(`Ticket #${number} is closed.`);

    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
    expect(row).toMatchObject({
      status: 'closed',
      closeReason: 'Parcel found',
      closedById: system.userId('alice'),
      assigneeId: system.userId('sam'),
    });
    const events = await system.db.prisma.ticketEvent.findMany({
      where: { guildId: row.guildId, ticketId: row.id },
      orderBy: { id: 'asc' },
    });
    const kinds = events.map((event) => event.kind);
    expect(kinds[0]).toBe('opened');
    expect(kinds.at(-1)).toBe('closed');
    expect([...kinds].sort()).toEqual(
      ['opened', 'replied', 'replied', 'assigned', 'member_added', 'timer_paused', 'timer_resumed', 'closed'].sort(),
    );

    expect(system.discord.state.channels.get(threadId)).toMatchObject({ thread: { archived: true, locked: true } });
    const histories = system.discord.state.messagesIn(system.channelId('histories'));
    expect(histories).toHaveLength(1);
    expect(JSON.stringify(histories[0])).toContain('Parcel found');

    expect(row.transcriptKey).toBeTruthy();
    const transcript = await loadTranscript(new FileTranscriptStorage(system.transcriptsDir), row.transcriptKey ?? '');
    const messages = [];
    for await (const message of transcript.messages) messages.push(message);
    const said = JSON.stringify(messages);
    expect(said).toContain('Any news?');
    expect(said).toContain('Checking with the courier.');
  });

  it('lists open tickets as the database has them', async () => {
    const sam = system.discord.driver.as(system.userId('sam'));
    const list = await answer(sam.runSlashCommand(system.channelId('tickets'), 'ticket', { subcommand: 'list' }));
    const open = await system.db.prisma.ticket.count({ where: { guildId: system.world.guild.id, status: 'open' } });
    expect(open).toBe(0);
    expect(list).not.toContain(`#${number} `);
  });

  it('takes an answer at its length limit whole, and Discord refuses one over it', async () => {
    const bob = system.discord.driver.as(system.userId('bob'));
    const tooLong = bob.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    const form = await tooLong.waitForModal();
    expect(JSON.stringify(form)).toContain('"max_length":500');
    // Discord's client will not send a longer answer: nothing reaches the bot, nothing is opened.
    expect(() => bob.submitModal(tooLong, { q0: 'x'.repeat(501) })).toThrow(SandboxDriverError);
    const bobTickets = { creatorId: system.userId('bob') };
    expect(await system.db.prisma.ticket.count({ where: bobTickets })).toBe(0);

    const atLimit = bob.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
    await atLimit.waitForModal();
    const answerText = `${'Long story. '.repeat(41)}The end`.padEnd(500, '.');
    expect(answerText).toHaveLength(500);
    expect(await answer(bob.submitModal(atLimit, { q0: answerText }))).toMatch(/^Your ticket #\d+ is open: <#\d+>$/);
    const row = await system.db.prisma.ticket.findFirstOrThrow({ where: bobTickets });
    expect(row.answers).toEqual([{ question: SUPPORT_QUESTION, answer: answerText }]);
  });

  it('only ever answered Discord what its API description allows', () => {
    expect(system.discord.specViolations).toEqual([]);
  });
});
