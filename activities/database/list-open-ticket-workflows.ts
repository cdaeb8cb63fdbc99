import { z } from 'zod';
import { snowflake } from '../../domain/snowflake.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import type { GuildSettingsActivities } from '../../workflows/guild-settings/definitions.ts';
import { parseInput } from './failures.ts';

const inputSchema = z.object({
  guildId: snowflake,
  afterWorkflowId: z.string().min(1).max(200).nullable(),
  limit: z.number().int().min(1).max(1000),
});

/** A page of the guild's opening and open tickets, by workflow id, for telling them their settings changed. */
export async function listOpenTicketWorkflows(
  prisma: PrismaClient,
  rawInput: Parameters<GuildSettingsActivities['listOpenTicketWorkflows']>[0],
): Promise<string[]> {
  const { guildId, afterWorkflowId, limit } = parseInput(inputSchema, rawInput, 'listOpenTicketWorkflows input');
  const rows = await prisma.ticket.findMany({
    where: {
      guildId,
      status: { in: ['opening', 'open'] },
      ...(afterWorkflowId === null ? {} : { workflowId: { gt: afterWorkflowId } }),
    },
    orderBy: { workflowId: 'asc' },
    take: limit,
    select: { workflowId: true },
  });
  return rows.map((row) => row.workflowId);
}
