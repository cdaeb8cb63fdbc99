import { isDiscordId } from '../../domain/discord-id.ts';
import type { PlanId } from '../../domain/plans.ts';

/** Who bought a PayPal subscription and what, carried on it in `custom_id` (at most 127 characters). */
export interface PayPalBuyer {
  guildId: string | null;
  userId: string;
  plan: Exclude<PlanId, 'free'>;
}

export function encodePayPalCustomId(buyer: PayPalBuyer): string {
  const fields = new URLSearchParams({ u: buyer.userId, p: buyer.plan });
  if (buyer.guildId) fields.set('g', buyer.guildId);
  return `tf1:${fields}`;
}

/** The buyer a Ticketflow checkout wrote; null for a subscription Ticketflow did not create. */
export function decodePayPalCustomId(customId: string | undefined): PayPalBuyer | null {
  if (!customId?.startsWith('tf1:')) return null;
  const fields = new URLSearchParams(customId.slice('tf1:'.length));
  const userId = fields.get('u');
  const guildId = fields.get('g');
  const plan = fields.get('p');
  if (!isDiscordId(userId) || (guildId !== null && !isDiscordId(guildId))) return null;
  if (plan !== 'pro' && plan !== 'enterprise') return null;
  return { guildId, userId, plan };
}
