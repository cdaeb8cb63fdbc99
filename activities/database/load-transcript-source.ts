import type { ClosureFacts, TicketAnswer, TicketAttachment, TicketEventKind, TicketRef } from '../../domain/ticket.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import type { TranscriptSource } from '../../transcripts/transcript-source.ts';
import { ticketNotFound } from './failures.ts';

/**
 * What Postgres knows of a ticket at close, as a transcript source: the ticket's facts, its answers, every
 * stored message and its event log, oldest first. Names are those stored with the messages, and the guild is
 * named by its id: transcript-source-at-close.ts adds what Discord knows at close.
 */
export async function loadTranscriptSource(
  prisma: PrismaClient,
  input: TicketRef & { number: number; closure: ClosureFacts },
): Promise<TranscriptSource> {
  const where = { guildId: input.guildId, ticketId: input.ticketId };
  const ticket = await prisma.ticket.findUnique({
    where: { guildId_id: { guildId: input.guildId, id: input.ticketId } },
  });
  if (!ticket) throw ticketNotFound(input);
  const [messages, events] = await Promise.all([
    prisma.ticketMessage.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    prisma.ticketEvent.findMany({ where, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
  ]);
  const authors = new Map<string, { name: string; bot: boolean }>([
    [ticket.creatorId, { name: ticket.creatorName, bot: false }],
  ]);
  for (const m of messages) authors.set(m.authorId, { name: m.authorName, bot: m.authorIsBot });
  return {
    guildName: input.guildId,
    ticket: {
      guildId: ticket.guildId,
      number: ticket.number,
      typeName: ticket.typeName,
      creatorId: ticket.creatorId,
      creatorName: ticket.creatorName,
      assigneeId: ticket.assigneeId,
      threadId: ticket.threadId,
      openedAt: ticket.openedAt.getTime(),
    },
    closure: input.closure,
    answers: ticket.answers as unknown as TicketAnswer[],
    messages: messages.map((m) => ({
      id: m.id,
      authorId: m.authorId,
      authorName: m.authorName,
      authorIsBot: m.authorIsBot,
      content: m.content,
      attachments: m.attachments as unknown as TicketAttachment[],
      createdAt: m.createdAt.getTime(),
      editedAt: m.editedAt?.getTime() ?? null,
      deletedAt: m.deletedAt?.getTime() ?? null,
    })),
    events: events.map((e) => ({
      key: e.key,
      kind: e.kind as TicketEventKind,
      actorId: e.actorId,
      at: e.at.getTime(),
      data: (e.data ?? undefined) as Record<string, string | number | boolean | null> | undefined,
    })),
    users: [...authors].map(([id, a]) => ({ id, name: a.name, avatarUrl: null, roleColor: null, bot: a.bot })),
    roles: [],
    channels: [],
  };
}
