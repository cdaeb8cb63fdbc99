import { z } from 'zod';
import type { PlanId } from '../../domain/plans.ts';
import { ConfigError, parseEnv } from '../parse-env.ts';

const patreonEnvSchema = z.object({
  /** The OAuth client (patreon.com/portal/registration/register-clients) members link their account through. */
  PATREON_CLIENT_ID: z.string().min(1).optional(),
  PATREON_CLIENT_SECRET: z.string().min(1).optional(),
  /** The creator's access token from the same client page: reads the campaign's members. */
  PATREON_CREATOR_ACCESS_TOKEN: z.string().min(1).optional(),
  PATREON_CAMPAIGN_ID: z.string().regex(/^\d+$/, 'must be the numeric campaign id').optional(),
  /** The secret Patreon shows for the webhook (creator portal → webhooks); signs every delivery. */
  PATREON_WEBHOOK_SECRET: z.string().min(1).optional(),
  PATREON_TIER_PRO: z.string().regex(/^\d+$/, 'must be a numeric tier id').optional(),
  PATREON_TIER_ENTERPRISE: z.string().regex(/^\d+$/, 'must be a numeric tier id').optional(),
  /** Patreon itself by default; a local stand-in's URL in the demo and the tests. */
  PATREON_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://www.patreon.com'),
  /** Patreon states amounts in the campaign's currency, which its member objects do not carry. */
  PATREON_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .default('USD'),
});

export interface PatreonConfig {
  clientId: string;
  clientSecret: string;
  creatorAccessToken: string;
  campaignId: string;
  webhookSecret: string;
  /** Patreon tier ids per Ticketflow plan; a member on any other tier holds no plan. */
  tierIds: Partial<Record<Exclude<PlanId, 'free'>, string>>;
  /** Without a trailing slash. */
  baseUrl: string;
  currency: string;
}

/**
 * Patreon's settings, or null when PATREON_CLIENT_ID and PATREON_CLIENT_SECRET are both unset (Patreon is then not
 * offered). Half a configuration is an error naming what is missing; no value is ever echoed.
 */
export function loadPatreonConfig(env: NodeJS.ProcessEnv = process.env): PatreonConfig | null {
  const parsed = parseEnv(patreonEnvSchema, env);
  if (!parsed.PATREON_CLIENT_ID && !parsed.PATREON_CLIENT_SECRET) return null;
  const {
    PATREON_CLIENT_ID: clientId,
    PATREON_CLIENT_SECRET: clientSecret,
    PATREON_CREATOR_ACCESS_TOKEN: creatorAccessToken,
    PATREON_CAMPAIGN_ID: campaignId,
    PATREON_WEBHOOK_SECRET: webhookSecret,
  } = parsed;
  const tierIds = { pro: parsed.PATREON_TIER_PRO, enterprise: parsed.PATREON_TIER_ENTERPRISE };
  if (!clientId || !clientSecret || !creatorAccessToken || !campaignId || !webhookSecret || !hasTier(tierIds)) {
    const missing = [
      clientId ? null : 'PATREON_CLIENT_ID',
      clientSecret ? null : 'PATREON_CLIENT_SECRET',
      creatorAccessToken ? null : 'PATREON_CREATOR_ACCESS_TOKEN',
      campaignId ? null : 'PATREON_CAMPAIGN_ID',
      webhookSecret ? null : 'PATREON_WEBHOOK_SECRET',
      hasTier(tierIds) ? null : 'PATREON_TIER_PRO or PATREON_TIER_ENTERPRISE',
    ].filter((name) => name !== null);
    throw new ConfigError(`Invalid configuration:\n  Patreon is half configured; also set ${missing.join(', ')}`);
  }
  if (tierIds.pro && tierIds.pro === tierIds.enterprise) {
    throw new ConfigError('Invalid configuration:\n  PATREON_TIER_PRO and PATREON_TIER_ENTERPRISE must differ');
  }
  return {
    clientId,
    clientSecret,
    creatorAccessToken,
    campaignId,
    webhookSecret,
    tierIds,
    baseUrl: parsed.PATREON_BASE_URL.replace(/\/+$/, ''),
    currency: parsed.PATREON_CURRENCY,
  };
}

function hasTier(tierIds: PatreonConfig['tierIds']): boolean {
  return Boolean(tierIds.pro || tierIds.enterprise);
}
