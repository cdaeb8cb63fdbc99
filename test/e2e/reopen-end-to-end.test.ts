import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxInteraction } from '../../sandbox/discord/index.ts';
import { isThread } from '../../sandbox/discord/state/records.ts';
import { FileTranscriptStorage } from '../../transcripts/index.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import {
  closeByStaff,
  commandsRegistered,
  customIdsOf,
  openTicketFromPanel,
  privateAnswer,
  type SystemTicket,
  ticketEventsOf,
  ticketRowOf,
  workflowStateOf,
} from '../support/system-tickets.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

let system: TicketflowSystem;

beforeAll(async () => {
  system = await startTicketflowSystem();
  await commandsRegistered(system, ['ticket', 'ticket-config']);
}, 180_000);

afterAll(async () => {
  await system?.close();
});

const answer = async (pending: SandboxInteraction) => (await privateAnswer(pending)).content;
const as = (name: string) => system.discord.driver.as(system.userId(name));
const openTicket = (member: string, text: string) => openTicketFromPanel(system, member, text);
const reopenByCommand = (member: string, number: number) =>
  as(member).runSlashCommand(system.channelId('tickets'), 'ticket', {
    subcommand: 'reopen',
    options: { ticket: number },
  });
/** `/ticket-config reopen-window days:` as the server's owner. */
const reopenWindow = (days: number) =>
  system.discord.driver
    .as(system.world.owner.id)
    .runSlashCommand(system.channelId('tickets'), 'ticket-config', { subcommand: 'reopen-window', options: { days } });

/** Staff close it with `/ticket close` in its thread; resolves once the thread is archived and locked. */
async function closeAsStaff(ticket: SystemTicket, reason: string): Promise<void> {
  await closeByStaff(system, ticket, reason);
  await eventually(() => expect(threadFlags(ticket.threadId)).toEqual({ archived: true, locked: true }));
}

function threadFlags(threadId: string): { archived: boolean; locked: boolean } {
  const thread = system.discord.state.channels.get(threadId);
  if (!thread || !isThread(thread)) throw new Error(`no ticket thread ${threadId}`);
  return { archived: thread.thread.archived, locked: thread.thread.locked };
}

const ticketRow = (threadId: string) => ticketRowOf(system, threadId);
const eventKinds = async (threadId: string) => (await ticketEventsOf(system, threadId)).map((event) => event.kind);
const workflowState = (threadId: string) => workflowStateOf(system, threadId);

/** The newest closing notice in the thread: the message with the Reopen button, when it has one. */
function closingNotices(threadId: string): APIMessage[] {
  return system.discord.state
    .messagesIn(threadId)
    .filter((message) => message.embeds[0]?.title?.includes('closed') && message.author.id === system.bot.user.id);
}

/** What a refusal leaves as it was: the ticket closed in its workflow and row, its thread archived and locked. */
async function expectStillClosed(threadId: string, kinds: string[]): Promise<void> {
  expect(await eventKinds(threadId)).toEqual(kinds);
  expect(await ticketRow(threadId)).toMatchObject({ status: 'closed' });
  expect((await workflowState(threadId)).status).toBe('closed');
  expect(threadFlags(threadId)).toEqual({ archived: true, locked: true });
}

describe('reopening through Discord: the bot, the worker, the dev server, Postgres', () => {
  let ticket: SystemTicket;

  it('refuses to reopen an open ticket, privately, and changes nothing', async () => {
    ticket = await openTicket('alice', 'My parcel is late.');
    const asked = reopenByCommand('alice', ticket.number);
    expect(await answer(asked)).toBe(`Ticket #${ticket.number} is open; only a closed ticket can be reopened.`);
    expect(await eventKinds(ticket.threadId)).toEqual(['opened']);
    expect((await workflowState(ticket.threadId)).status).toBe('open');
  });

  it('closes with a notice that offers Reopen until the window ends', async () => {
    // bob joins the ticket before it closes: he can see its Reopen button, though it is not his to press.
    const added = as('sam').runSlashCommand(ticket.threadId, 'ticket', {
      subcommand: 'add-user',
      options: { member: system.userId('bob') },
    });
    expect(await answer(added)).toBe(`<@${system.userId('bob')}> was added to ticket #${ticket.number}.`);
    as('alice').sendMessage(ticket.threadId, 'Tracking says delivered, but nothing came.');
    await eventually(async () => expect(await eventKinds(ticket.threadId)).toContain('replied'));
    await closeAsStaff(ticket, 'Parcel delivered');
    const notice = await eventually(() => {
      const [latest] = closingNotices(ticket.threadId).slice(-1);
      if (!latest) throw new Error('no closing notice yet');
      return latest;
    });
    expect(customIdsOf(notice)).toEqual([`treopen:${ticket.number}`]);
    expect(notice.embeds[0]?.description).toMatch(/The ticket can be reopened until <t:\d+:f>\.$/);
    expect(await eventKinds(ticket.threadId)).toEqual(['opened', 'member_added', 'replied', 'closed']);
  });

  it('refuses a member who is neither its creator nor staff, by command and by button, and changes nothing', async () => {
    const forbidden = `Only the member who opened ticket #${ticket.number} or staff can reopen it.`;
    const byCommand = reopenByCommand('bob', ticket.number);
    expect(await answer(byCommand)).toBe(forbidden);
    const [notice] = closingNotices(ticket.threadId).slice(-1);
    const byButton = as('bob').pressButton(ticket.threadId, notice?.id ?? '', `treopen:${ticket.number}`);
    expect(await answer(byButton)).toBe(forbidden);
    await expectStillClosed(ticket.threadId, ['opened', 'member_added', 'replied', 'closed']);
  });

  it('is reopened by its creator with /ticket reopen: same number, same thread, unarchived and unlocked', async () => {
    const reopened = reopenByCommand('alice', ticket.number);
    expect(await answer(reopened)).toBe(`Ticket #${ticket.number} is open again: <#${ticket.threadId}>.`);
    expect(threadFlags(ticket.threadId)).toEqual({ archived: false, locked: false });
    expect(await ticketRow(ticket.threadId)).toMatchObject({
      number: ticket.number,
      status: 'open',
      closedAt: null,
      closeReason: null,
    });
    expect(await eventKinds(ticket.threadId)).toEqual(['opened', 'member_added', 'replied', 'closed', 'reopened']);
    const state = await workflowState(ticket.threadId);
    expect(state).toMatchObject({ status: 'open', number: ticket.number, threadId: ticket.threadId, reopens: 1 });
    await eventually(() =>
      expect(
        system.discord.state
          .messagesIn(ticket.threadId)
          .some((message) => message.embeds[0]?.title === `Ticket #${ticket.number} reopened`),
      ).toBe(true),
    );
    // The member can write in the thread again.
    as('alice').sendMessage(ticket.threadId, 'It came back damaged, sorry.');

    const again = reopenByCommand('sam', ticket.number);
    expect(await answer(again)).toBe(`Ticket #${ticket.number} is open; only a closed ticket can be reopened.`);
    expect((await eventKinds(ticket.threadId)).filter((kind) => kind === 'reopened')).toHaveLength(1);
  });

  it('is reopened by staff with the Reopen button on the next closing notice', async () => {
    await closeAsStaff(ticket, 'Replacement sent');
    const notice = await eventually(() => {
      const latest = closingNotices(ticket.threadId).at(-1);
      if (!latest?.embeds[0]?.fields?.some((field) => field.value === 'Replacement sent'))
        throw new Error('no second closing notice yet');
      return latest;
    });
    const pressed = as('sam').pressButton(ticket.threadId, notice.id, `treopen:${ticket.number}`);
    expect(await answer(pressed)).toBe(`Ticket #${ticket.number} is open again: <#${ticket.threadId}>.`);
    expect(threadFlags(ticket.threadId)).toEqual({ archived: false, locked: false });
    expect((await eventKinds(ticket.threadId)).filter((kind) => kind === 'reopened')).toHaveLength(2);
    expect(await workflowState(ticket.threadId)).toMatchObject({ status: 'open', number: ticket.number, reopens: 2 });
    // The second close's transcript, under the same key, covers the ticket's whole life: before and after the reopen.
    const { transcriptKey } = await ticketRow(ticket.threadId);
    const transcript = await loadTranscript(new FileTranscriptStorage(system.transcriptsDir), transcriptKey ?? '');
    const messages = [];
    for await (const message of transcript.messages) messages.push(JSON.stringify(message));
    expect(messages.join('\n')).toContain('Tracking says delivered, but nothing came.');
    expect(messages.join('\n')).toContain('It came back damaged, sorry.');
    expect(system.discord.specViolations).toEqual([]);
  });

  let final: SystemTicket;

  it('refuses any reopen once /ticket-config reopen-window is 0: the ticket is final at its close', async () => {
    expect(await answer(reopenWindow(0))).toBe(
      'Reopening is off: a closed ticket is final, tickets already closed included.',
    );
    expect(await system.db.prisma.guild.findUniqueOrThrow({ where: { id: system.world.guild.id } })).toMatchObject({
      reopenWindowDays: 0,
    });
    // bob's ticket: alice opened one moments ago, within the guild's cooldown between opens.
    final = await openTicket('bob', 'Where is my invoice?');
    await closeAsStaff(final, 'Answered');
    const notice = await eventually(() => {
      const latest = closingNotices(final.threadId).at(-1);
      if (!latest) throw new Error('no closing notice yet');
      return latest;
    });
    expect(customIdsOf(notice)).toEqual([]);
    expect(notice.embeds[0]?.description).not.toContain('can be reopened');

    const refusal = `Closed tickets are final in this server, so ticket #${final.number} cannot be reopened.`;
    for (const name of ['bob', 'sam']) {
      expect(await answer(reopenByCommand(name, final.number))).toBe(refusal);
    }
    // The window the ticket closed under is the one it keeps: a guild that allows reopening again later does not
    // make a ticket that was final at its close reopenable; the ticket itself refuses.
    expect(await answer(reopenWindow(7))).toBe(
      'A ticket closed from now on can be reopened by its creator or staff for 7 days. Tickets already closed keep the window they got.',
    );
    const later = reopenByCommand('bob', final.number);
    expect(await answer(later)).toBe(refusal);
    await expectStillClosed(final.threadId, ['opened', 'closed']);
    expect((await workflowState(final.threadId)).reopenUntil).toBeUndefined();
  });

  it('refuses, once the ticket is final and its run has ended, that the window is over', async () => {
    // With no reopen window, the creator's rating is the last thing the closed ticket waits for.
    const [dm] = system.discord.driver.as(system.userId('bob')).directMessages();
    if (!dm) throw new Error('bob was not asked for a rating');
    const star = as('bob').pressButton(dm.channel_id, dm.id, `trate:${system.world.guild.id}:${final.number}:3`);
    await star.waitForModal();
    expect(await answer(as('bob').submitModal(star, { comment: '' }))).toBe(
      `Thank you! You rated ticket #${final.number} 3 of 5.`,
    );
    const { workflowId } = await ticketRow(final.threadId);
    await eventually(async () =>
      expect((await system.temporal.client.workflow.getHandle(workflowId).describe()).status.name).toBe('COMPLETED'),
    );
    expect(await answer(reopenByCommand('sam', final.number))).toBe(
      `Ticket #${final.number} can no longer be reopened: its reopen window has ended. Please open a new ticket.`,
    );
    const again = as('bob').pressButton(dm.channel_id, dm.id, `trate:${system.world.guild.id}:${final.number}:1`);
    await again.waitForModal();
    // Rated is what the creator is told, not that ratings closed: the run ended because they had rated.
    expect(await answer(as('bob').submitModal(again, { comment: 'Second thoughts.' }))).toBe(
      `You already rated ticket #${final.number}. Thank you!`,
    );
    expect(await ticketRow(final.threadId)).toMatchObject({ rating: 3 });
    await expectStillClosed(final.threadId, ['opened', 'closed', 'rated']);
  });
});
