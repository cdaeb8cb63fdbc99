import { z } from 'zod';
import type { PlanId } from '../../domain/plans.ts';
import { ConfigError, parseEnv } from '../parse-env.ts';

/** Where PayPal serves the certificates its webhooks are signed with; only these are ever fetched. */
export const PAYPAL_CERT_ORIGINS = [
  'https://api.paypal.com',
  'https://api-m.paypal.com',
  'https://api.sandbox.paypal.com',
  'https://api-m.sandbox.paypal.com',
];

const originList = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()))
  .pipe(
    z.array(z.url({ protocol: /^https?$/ }).refine((url) => new URL(url).origin === url, 'each must be a bare origin')),
  );

const paypalEnvSchema = z.object({
  PAYPAL_CLIENT_ID: z.string().min(1).optional(),
  PAYPAL_CLIENT_SECRET: z.string().min(1).optional(),
  /** `live` for real money, `sandbox` for PayPal's own test environment. */
  PAYPAL_ENVIRONMENT: z.enum(['live', 'sandbox']).default('live'),
  /** Only for a local stand-in (the demo and the tests): every API call goes there instead of PayPal. */
  PAYPAL_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  PAYPAL_PLAN_PRO: z.string().min(1).optional(),
  PAYPAL_PLAN_ENTERPRISE: z.string().min(1).optional(),
  PAYPAL_WEBHOOK_ID: z.string().min(1).optional(),
  PAYPAL_WEBHOOK_CERT_ORIGINS: originList.optional(),
  PAYPAL_MANAGE_URL: z.url({ protocol: /^https?$/ }).default('https://www.paypal.com/myaccount/autopay/'),
});

export interface PayPalConfig {
  clientId: string;
  clientSecret: string;
  environment: 'live' | 'sandbox';
  /** A stand-in's base URL replacing PayPal's API host; null talks to PayPal. */
  apiBaseUrl: string | null;
  /** PayPal billing plan ids (P-…) per Ticketflow plan; a plan without one cannot be bought through PayPal. */
  planIds: Partial<Record<Exclude<PlanId, 'free'>, string>>;
  /** The id PayPal gave the webhook subscription (dashboard → Webhooks); part of every signed message. */
  webhookId: string;
  /** Origins a webhook's PAYPAL-CERT-URL may point at. */
  certOrigins: string[];
  /** Where a buyer manages (and cancels) their PayPal automatic payments. */
  manageUrl: string;
}

/**
 * PayPal's settings, or null when PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET are both unset (PayPal is then not
 * offered). Half a configuration is an error naming what is missing; no value is ever echoed.
 */
export function loadPayPalConfig(env: NodeJS.ProcessEnv = process.env): PayPalConfig | null {
  const parsed = parseEnv(paypalEnvSchema, env);
  if (!parsed.PAYPAL_CLIENT_ID && !parsed.PAYPAL_CLIENT_SECRET) return null;
  const { PAYPAL_CLIENT_ID: clientId, PAYPAL_CLIENT_SECRET: clientSecret, PAYPAL_WEBHOOK_ID: webhookId } = parsed;
  const planIds = { pro: parsed.PAYPAL_PLAN_PRO, enterprise: parsed.PAYPAL_PLAN_ENTERPRISE };
  if (!clientId || !clientSecret || !webhookId || (!planIds.pro && !planIds.enterprise)) {
    const missing = [
      clientId ? null : 'PAYPAL_CLIENT_ID',
      clientSecret ? null : 'PAYPAL_CLIENT_SECRET',
      webhookId ? null : 'PAYPAL_WEBHOOK_ID',
      planIds.pro || planIds.enterprise ? null : 'PAYPAL_PLAN_PRO or PAYPAL_PLAN_ENTERPRISE',
    ].filter((name) => name !== null);
    throw new ConfigError(`Invalid configuration:\n  PayPal is half configured; also set ${missing.join(', ')}`);
  }
  if (planIds.pro && planIds.pro === planIds.enterprise) {
    throw new ConfigError('Invalid configuration:\n  PAYPAL_PLAN_PRO and PAYPAL_PLAN_ENTERPRISE must differ');
  }
  return {
    clientId,
    clientSecret,
    environment: parsed.PAYPAL_ENVIRONMENT,
    apiBaseUrl: parsed.PAYPAL_API_BASE_URL?.replace(/\/+$/, '') ?? null,
    planIds,
    webhookId,
    certOrigins: parsed.PAYPAL_WEBHOOK_CERT_ORIGINS ?? PAYPAL_CERT_ORIGINS,
    manageUrl: parsed.PAYPAL_MANAGE_URL,
  };
}
