import { z } from 'zod';
import type { PlanCatalogue } from '../../domain/plans.ts';
import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { encodeCursor } from '../keyset-cursor.ts';
import { adminPageFields, parseAdminListInput } from './admin-list-input.ts';
import { type GuildPlan, guildPlans } from './guild-plan.ts';
import { type MonthlyTicketUsage, monthlyTicketUsages } from './monthly-usage.ts';

export const guildPlanListQuerySchema = z.strictObject({ ...adminPageFields });
export type GuildPlanListQueryInput = z.input<typeof guildPlanListQuerySchema>;

export interface GuildPlanUsage extends GuildPlan {
  usage: MonthlyTicketUsage;
}

export interface GuildPlanPage {
  guilds: GuildPlanUsage[];
  nextCursor: string | null;
}

const ORDERING = 'guild-plans:id:asc';

/**
 * Every guild the service knows (configured tickets, or holds or is assigned an entitlement), by id, with its plan
 * at `at` and its tickets this month: one query for the page's ids, then two for their plans and one for usage.
 */
export async function listGuildPlans(
  prisma: PrismaClient,
  catalogue: PlanCatalogue,
  input: GuildPlanListQueryInput,
  at: Date = new Date(),
): Promise<GuildPlanPage> {
  const { query, after } = parseAdminListInput(
    guildPlanListQuerySchema,
    input,
    'guild plan list query',
    ORDERING,
    (key) => typeof key === 'string' && /^\d{17,20}$/.test(key),
  );
  const past = after ? Prisma.sql`WHERE id > ${after.id}` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM (
      SELECT id FROM guild
      UNION SELECT guild_id FROM entitlement WHERE guild_id IS NOT NULL
      UNION SELECT guild_id FROM entitlement_guild_assignment
    ) known ${past}
     ORDER BY id
     LIMIT ${query.limit + 1}`;
  const ids = rows.slice(0, query.limit).map((row) => row.id);
  const [plans, usages] = await Promise.all([
    guildPlans(prisma, catalogue, ids, at),
    monthlyTicketUsages(prisma, ids, at),
  ]);
  const guilds = ids.flatMap((id) => {
    const plan = plans.get(id);
    const usage = usages.get(id);
    return plan && usage ? [{ ...plan, usage }] : [];
  });
  const last = ids.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ ordering: ORDERING, key: last, id: last }) : null;
  return { guilds, nextCursor };
}
