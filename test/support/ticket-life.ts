import { MessageType } from 'discord-api-types/v10';
import { expect } from 'vitest';
import { compareDiscordIds } from '../../domain/discord-id.ts';
import type { RequestLogEntry } from '../../sandbox/discord/state/records.ts';
import { FileTranscriptStorage } from '../../transcripts/index.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import { settledReply } from './settled-reply.ts';
import { eventually } from './ticket-harness.ts';
import type { TicketflowSystem } from './ticketflow-system.ts';

/**
 * One ticket's life as people live it through the local Discord: open from the panel and answer the modal,
 * talk in the thread, staff claims, the creator closes with a reason. The fault tests run it with faults
 * around it and then check that it ends exactly as a fault-free life does.
 */

/** Waits long enough for an activity attempt lost with a killed worker to time out (30 s) and run again. */
export const LONG_WAIT_MS = 90_000;

export interface LivedTicket {
  number: number;
  threadId: string;
  creator: string;
}

/** What #tickets and #histories held before the ticket: its thread and summary must be the only new ones. */
export interface ChannelCounts {
  threads: number;
  summaries: number;
}

export function channelCounts(system: TicketflowSystem): ChannelCounts {
  const tickets = system.channelId('tickets');
  return {
    threads: [...system.discord.state.channels.values()].filter((channel) => channel.parentId === tickets).length,
    summaries: system.discord.state.messagesIn(system.channelId('histories')).length,
  };
}

export async function openFromPanel(system: TicketflowSystem, creator: string, answer: string): Promise<LivedTicket> {
  const member = system.discord.driver.as(system.userId(creator));
  const pressed = member.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  await pressed.waitForModal(LONG_WAIT_MS);
  const reply = await settledReply(member.submitModal(pressed, { q0: answer }), LONG_WAIT_MS);
  const link = /^Your ticket #(\d+) is open: <#(\d+)>$/.exec(reply.content);
  if (!link?.[1] || !link[2]) throw new Error(`the member was not told of a new ticket: "${reply.content}"`);
  const ticket = { number: Number(link[1]), threadId: link[2], creator };
  // Opening ends with the control message; until then the workflow is still setting the thread up.
  await eventually(() => system.controlMessage(ticket.threadId), LONG_WAIT_MS);
  return ticket;
}

/** Posts as `author` in the ticket's thread; returns the Discord message id. */
export function post(system: TicketflowSystem, ticket: LivedTicket, author: string, content: string): string {
  return system.discord.driver.as(system.userId(author)).sendMessage(ticket.threadId, content).id;
}

export async function waitUntilStored(system: TicketflowSystem, messageIds: readonly string[]): Promise<void> {
  await eventually(async () => {
    const stored = await system.db.prisma.ticketMessage.count({ where: { id: { in: [...messageIds] } } });
    if (stored !== messageIds.length) throw new Error(`${stored} of ${messageIds.length} messages stored`);
  }, LONG_WAIT_MS);
}

export async function claimAsStaff(system: TicketflowSystem, ticket: LivedTicket): Promise<string> {
  const controls = system.controlMessage(ticket.threadId);
  const pressed = system.discord.driver
    .as(system.userId('sam'))
    .pressButton(ticket.threadId, controls.id, `tclaim:${ticket.number}`);
  const reply = await settledReply(pressed, LONG_WAIT_MS);
  return reply.content;
}

/**
 * The creator presses Close, confirms with a reason; `whileClosing` runs right after the reason is submitted,
 * before the answer. Returns the bot's answer.
 */
export async function closeWithReason(
  system: TicketflowSystem,
  ticket: LivedTicket,
  reason: string,
  whileClosing: () => Promise<void> = async () => undefined,
): Promise<string> {
  const creator = system.discord.driver.as(system.userId(ticket.creator));
  const controls = system.controlMessage(ticket.threadId);
  const question = await creator
    .pressButton(ticket.threadId, controls.id, `tclose:${ticket.number}`)
    .waitForReply(LONG_WAIT_MS);
  const withReason = creator.pressButton(ticket.threadId, question.id, `tclosewr:${ticket.number}`);
  await withReason.waitForModal(LONG_WAIT_MS);
  const submitted = creator.submitModal(withReason, { reason });
  await whileClosing();
  return (await settledReply(submitted, LONG_WAIT_MS * 2)).content;
}

/** The requests the local Discord answered from `from` on (an index into its request log). */
export function requestsSince(system: TicketflowSystem, from: number): RequestLogEntry[] {
  return system.discord.state.requestLog.slice(from);
}

export interface FinalStateExpectation {
  before: ChannelCounts;
  reason: string;
  /** Every thread message the ticket must have stored, in the order posted. */
  storedMessageIds: string[];
  /** Texts the transcript must hold (the answers, and what people wrote). */
  transcriptTexts: string[];
}

/**
 * The state a fault-free life ends in, checked as facts to compare: the fault tests assert these equal the
 * expected values so a failure shows what differs.
 */
export async function finalState(system: TicketflowSystem, ticket: LivedTicket, expected: FinalStateExpectation) {
  const { prisma } = system.db;
  const row = await eventually(async () => {
    const found = await prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
    if (found.status !== 'closed') throw new Error(`ticket #${ticket.number} is still ${found.status}`);
    return found;
  }, LONG_WAIT_MS);
  const events = await prisma.ticketEvent.findMany({
    where: { guildId: row.guildId, ticketId: row.id },
    orderBy: { id: 'asc' },
  });
  const messages = await prisma.ticketMessage.findMany({ where: { guildId: row.guildId, ticketId: row.id } });
  const transcript = await loadTranscript(new FileTranscriptStorage(system.transcriptsDir), row.transcriptKey ?? '');
  const transcriptLines: string[] = [];
  for await (const message of transcript.messages) transcriptLines.push(JSON.stringify(message));

  const threadMessages = system.discord.state.messagesIn(ticket.threadId);
  const botMessages = threadMessages
    // Discord's own notes (a member added to the thread) are written as the bot too, alike by nature.
    .filter((message) => message.author.id === system.discord.bot.userId && message.type === MessageType.Default)
    .map((message) =>
      JSON.stringify({ content: message.content, embeds: message.embeds, components: message.components }),
    );
  const after = channelCounts(system);
  const summaries = system.discord.state.messagesIn(system.channelId('histories')).slice(expected.before.summaries);
  return {
    row: {
      status: row.status,
      closeReason: row.closeReason,
      closedById: row.closedById,
      assigneeId: row.assigneeId,
      hasTranscript: row.transcriptKey !== null,
    },
    events: events.map((event) => event.kind),
    storedMessageIds: messages.map((message) => message.id).sort(compareDiscordIds),
    transcriptHoldsAll: expected.transcriptTexts.filter((text) => !transcriptLines.some((line) => line.includes(text))),
    newThreads: after.threads - expected.before.threads,
    controlMessages: threadMessages.filter((message) => JSON.stringify(message.components ?? []).includes('tclose:'))
      .length,
    duplicatedBotMessages: botMessages.filter((message, index) => botMessages.indexOf(message) !== index),
    summaries: summaries.map((summary) => JSON.stringify(summary).includes(expected.reason)),
    thread: system.discord.state.channels.get(ticket.threadId)?.thread ?? null,
    specViolations: [...system.discord.specViolations],
  };
}

/** What `finalState` must return for a ticket closed by its creator with `reason` after sam claimed it. */
export function faultFreeFinalState(system: TicketflowSystem, ticket: LivedTicket, expected: FinalStateExpectation) {
  return {
    row: {
      status: 'closed',
      closeReason: expected.reason,
      closedById: system.userId(ticket.creator),
      assigneeId: system.userId('sam'),
      hasTranscript: true,
    },
    events: ['opened', ...expected.storedMessageIds.map(() => 'replied'), 'assigned', 'closed'],
    storedMessageIds: expected.storedMessageIds,
    transcriptHoldsAll: [],
    newThreads: 1,
    controlMessages: 1,
    duplicatedBotMessages: [],
    summaries: [true],
    thread: expect.objectContaining({ archived: true, locked: true }),
    specViolations: [],
  };
}
