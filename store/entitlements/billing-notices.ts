import { z } from 'zod';
import { planIdSchema } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type { BillingNotice, PrismaClient } from '../../prisma/client.ts';
import { entitlementHolderSchema } from './entitlement-record.ts';
import { holderGuildIds } from './guild-assignments.ts';
import { parseInput } from './parse-input.ts';

const noticeSchema = z.strictObject({
  /** The sender's idempotency key: one per notice and guild. */
  key: z.string().min(1).max(512),
  guildId: snowflake,
  kind: z.enum(['payment_failed', 'grace_ending', 'plan_ended', 'payment_recovered']),
  plan: planIdSchema,
  at: z.date(),
});
export type BillingNoticeInput = z.input<typeof noticeSchema>;

/** Room is left in the key for the `:<guildId>` each of a user's guilds adds. */
const holderNoticeSchema = noticeSchema
  .omit({ guildId: true })
  .extend({ key: z.string().min(1).max(480), holder: entitlementHolderSchema });
export type HolderBillingNoticeInput = z.input<typeof holderNoticeSchema>;

/**
 * Records a notice for the guild's panel, once per key: a retried call finds the first and writes nothing. `created`
 * says whether this call wrote it.
 */
export async function recordBillingNotice(
  prisma: PrismaClient,
  input: BillingNoticeInput,
): Promise<{ notice: BillingNotice; created: boolean }> {
  const notice = parseInput(noticeSchema, input, 'billing notice');
  const inserted = await prisma.billingNotice.createManyAndReturn({ data: [notice], skipDuplicates: true });
  const created = inserted[0];
  if (created) return { notice: created, created: true };
  return { notice: await prisma.billingNotice.findUniqueOrThrow({ where: { key: notice.key } }), created: false };
}

/**
 * Records a notice about a holder's billing for each guild it concerns (holderGuildIds): the guild itself, or every
 * guild a user's entitlements are assigned to. The key is the sender's; a user's guilds each get `<key>:<guildId>`.
 */
export async function recordHolderBillingNotices(
  prisma: PrismaClient,
  input: HolderBillingNoticeInput,
): Promise<{ notice: BillingNotice; created: boolean }[]> {
  const { holder, ...notice } = parseInput(holderNoticeSchema, input, 'billing notice');
  const recorded: { notice: BillingNotice; created: boolean }[] = [];
  for (const guildId of await holderGuildIds(prisma, holder)) {
    const key = holder.kind === 'guild' ? notice.key : `${notice.key}:${guildId}`;
    recorded.push(await recordBillingNotice(prisma, { ...notice, key, guildId }));
  }
  return recorded;
}

/** A guild's notices, newest first; dismissed ones only when asked. */
export async function listBillingNotices(
  prisma: PrismaClient,
  guildId: string,
  options: { includeDismissed?: boolean; limit?: number } = {},
): Promise<BillingNotice[]> {
  const { guildId: id } = parseInput(z.object({ guildId: snowflake }), { guildId }, 'billing notice list');
  return prisma.billingNotice.findMany({
    where: { guildId: id, ...(options.includeDismissed ? {} : { dismissedAt: null }) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(options.limit ?? 20, 1), 100),
  });
}

/**
 * Dismisses one of the guild's notices; dismissing it again keeps the first time. Null when the guild has no such
 * notice (another guild's id is no notice of this one).
 */
export async function dismissBillingNotice(
  prisma: PrismaClient,
  input: { guildId: string; noticeId: string },
  at: Date = new Date(),
): Promise<BillingNotice | null> {
  const { guildId, noticeId } = parseInput(
    z.strictObject({ guildId: snowflake, noticeId: z.string().min(1).max(64) }),
    input,
    'billing notice dismissal',
  );
  await prisma.billingNotice.updateMany({
    where: { id: noticeId, guildId, dismissedAt: null },
    data: { dismissedAt: at },
  });
  return prisma.billingNotice.findFirst({ where: { id: noticeId, guildId } });
}
