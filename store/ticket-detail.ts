import type { TicketAnswer, TicketAttachment, TicketMessage } from '../domain/ticket.ts';
import type { Prisma, PrismaClient, TicketEventKind } from '../prisma/client.ts';
import type { TicketSummary } from './ticket-list.ts';

/** A message of the ticket's thread as stored: edits replace its content, a deletion keeps it, marked. */
export interface TicketMessageRecord extends Omit<TicketMessage, 'createdAt' | 'editedAt'> {
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

/** One entry of the ticket's timeline: opened, assigned, timer paused, closed, and so on. */
export interface TicketEventRecord {
  id: string;
  kind: TicketEventKind;
  actorId: string | null;
  at: Date;
  data: Record<string, unknown> | null;
}

export interface TicketMemberRecord {
  userId: string;
  addedById: string | null;
  addedAt: Date;
}

/** Everything the panel's ticket page shows. */
export interface TicketDetail extends TicketSummary {
  answers: TicketAnswer[];
  members: TicketMemberRecord[];
  /** Oldest first; the newest MAX_DETAIL_MESSAGES when there are more. */
  messages: TicketMessageRecord[];
  /** Whether older messages than these exist (the transcript has them all). */
  olderMessages: boolean;
  /** Oldest first. */
  events: TicketEventRecord[];
}

/** The newest messages a ticket page starts with; a longer conversation's start is in its transcript. */
export const MAX_DETAIL_MESSAGES = 500;

const SUMMARY_FIELDS = {
  id: true,
  number: true,
  workflowId: true,
  typeKey: true,
  typeName: true,
  creatorId: true,
  creatorName: true,
  assigneeId: true,
  threadId: true,
  status: true,
  timerState: true,
  openedAt: true,
  lastActivityAt: true,
  closedAt: true,
  closeReason: true,
  closedById: true,
  priority: true,
  labels: true,
  waitingOn: true,
} as const satisfies Prisma.TicketSelect;

const MESSAGE_FIELDS = {
  id: true,
  authorId: true,
  authorName: true,
  authorIsBot: true,
  content: true,
  attachments: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
} as const satisfies Prisma.TicketMessageSelect;

type MessageRow = Prisma.TicketMessageGetPayload<{ select: typeof MESSAGE_FIELDS }>;
type EventRow = { id: bigint; kind: TicketEventKind; actorId: string | null; at: Date; data: Prisma.JsonValue };

/**
 * The guild's ticket with this number, whole, or null when it has none; with `memberId`, only if that member opened
 * it (what a member who is not staff may see), null otherwise, alike.
 */
export async function readTicketDetail(
  prisma: PrismaClient,
  guildId: string,
  number: number,
  memberId?: string,
): Promise<TicketDetail | null> {
  const ticket = await prisma.ticket.findUnique({
    where: { guildId_number: { guildId, number } },
    select: { ...SUMMARY_FIELDS, answers: true },
  });
  if (!ticket || (memberId !== undefined && ticket.creatorId !== memberId)) return null;
  const where = { guildId, ticketId: ticket.id };
  const [newest, events, members] = await Promise.all([
    prisma.ticketMessage.findMany({
      where,
      select: MESSAGE_FIELDS,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_DETAIL_MESSAGES + 1,
    }),
    prisma.ticketEvent.findMany({ where, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    prisma.ticketMember.findMany({
      where,
      select: { userId: true, addedById: true, addedAt: true },
      orderBy: { addedAt: 'asc' },
    }),
  ]);
  const { answers, ...summary } = ticket;
  return {
    ...summary,
    answers: answers as unknown as TicketAnswer[],
    members,
    messages: newest.slice(0, MAX_DETAIL_MESSAGES).reverse().map(messageRecord),
    olderMessages: newest.length > MAX_DETAIL_MESSAGES,
    events: events.map(eventRecord),
  };
}

/** One stored message of the guild, by its Discord id (what a live change names). */
export async function readTicketMessage(
  prisma: PrismaClient,
  guildId: string,
  messageId: string,
): Promise<TicketMessageRecord | null> {
  const row = await prisma.ticketMessage.findFirst({ where: { guildId, id: messageId }, select: MESSAGE_FIELDS });
  return row && messageRecord(row);
}

/** One timeline entry of the guild, by its id (what a live change names). */
export async function readTicketEvent(
  prisma: PrismaClient,
  guildId: string,
  eventId: string,
): Promise<TicketEventRecord | null> {
  if (!/^\d{1,19}$/.test(eventId)) return null;
  const row = await prisma.ticketEvent.findFirst({ where: { guildId, id: BigInt(eventId) } });
  return row && eventRecord(row);
}

/** One ticket of the guild as the list shows it, by its id (what a live change names). */
export function readTicketSummary(
  prisma: PrismaClient,
  guildId: string,
  ticketId: string,
): Promise<TicketSummary | null> {
  return prisma.ticket.findUnique({ where: { guildId_id: { guildId, id: ticketId } }, select: SUMMARY_FIELDS });
}

function messageRecord(row: MessageRow): TicketMessageRecord {
  return { ...row, attachments: row.attachments as unknown as TicketAttachment[] };
}

function eventRecord(row: EventRow): TicketEventRecord {
  return {
    id: String(row.id),
    kind: row.kind,
    actorId: row.actorId,
    at: row.at,
    data: (row.data ?? null) as Record<string, unknown> | null,
  };
}
