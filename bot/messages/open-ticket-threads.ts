import type { PrismaClient } from '../../prisma/client.ts';

/** An open ticket's thread, and where reading its history must start so no reply it missed is skipped. */
export interface OpenTicketThread {
  threadId: string;
  /** The newest reply stored before `storedBefore`; null when none was (read from the thread's start). */
  readAfterMessageId: string | null;
}

/**
 * The guild's open tickets that have a thread. The starting point ignores replies stored at or after
 * `storedBefore`: those may have come live since the session began, while older ones of the gap were missed.
 */
export async function openTicketThreads(
  prisma: PrismaClient,
  guildId: string,
  storedBefore: Date,
): Promise<OpenTicketThread[]> {
  const tickets = await prisma.ticket.findMany({
    where: { guildId, status: 'open', threadId: { not: null } },
    orderBy: { openedAt: 'asc' },
    select: {
      threadId: true,
      messages: {
        where: { createdAt: { lt: storedBefore } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { id: true },
      },
    },
  });
  return tickets.flatMap(({ threadId, messages }) =>
    threadId === null ? [] : [{ threadId, readAfterMessageId: messages[0]?.id ?? null }],
  );
}
