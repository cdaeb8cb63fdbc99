import { z } from 'zod';
import { snowflake } from '../../domain/snowflake.ts';
import type { StaffNoticeClaim, TicketActivities } from '../../domain/ticket.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { parseInput } from './failures.ts';

const claimSchema: z.ZodType<StaffNoticeClaim> = z.object({
  guildId: snowflake,
  kind: z.enum(['categories_full']),
  key: z.string().min(1).max(300),
  at: z.number().int().min(0),
  everyMs: z.number().int().min(0),
});

/**
 * One statement decides, so tickets refused at the same moment cannot both claim: the row is taken when it is new,
 * when its last notice is at least `everyMs` old, or when this key holds it already (a retry of the same ticket).
 */
export async function claimStaffNotice(
  prisma: PrismaClient,
  rawInput: Parameters<TicketActivities['claimStaffNotice']>[0],
): Promise<{ claimed: boolean }> {
  const { guildId, kind, key, at, everyMs } = parseInput(claimSchema, rawInput, 'claimStaffNotice input');
  const sentAt = new Date(at);
  const rows = await prisma.$queryRaw<{ key: string }[]>`
    INSERT INTO guild_staff_notice (guild_id, kind, key, sent_at)
    VALUES (${guildId}, ${kind}, ${key}, ${sentAt})
    ON CONFLICT (guild_id, kind) DO UPDATE SET key = EXCLUDED.key, sent_at = EXCLUDED.sent_at
    WHERE guild_staff_notice.key = EXCLUDED.key
       OR guild_staff_notice.sent_at <= EXCLUDED.sent_at - make_interval(secs => ${everyMs / 1000})
    RETURNING key`;
  return { claimed: rows.length === 1 };
}
