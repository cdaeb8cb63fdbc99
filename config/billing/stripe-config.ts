import { z } from 'zod';
import { carriesCredentials, parseEnv } from '../parse-env.ts';

/** Everything besides the key: with no key these must be unset too, since half a Stripe setup is a mistake. */
const STRIPE_SETTINGS = ['STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE_URL', 'STRIPE_PRICE_PRO', 'STRIPE_PRICE_ENTERPRISE'];

const priceIdVariable = z
  .string()
  .regex(/^price_\w+$/, "must be a Stripe price id (price_…) from the dashboard's product");

const stripeEnvSchema = z
  .object({
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a secret or restricted API key (sk_… or rk_…)')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, "must be the webhook endpoint's signing secret (whsec_…)")
      .optional(),
    /** Only for a local stand-in (stripe-mock behind the sandbox's stateful layer); Stripe itself otherwise. */
    STRIPE_API_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .refine((url) => !carriesCredentials(url) && new URL(url).pathname.replace(/\/+$/, '') === '', {
        error: 'must be a plain origin such as http://127.0.0.1:12111: no path or credentials',
      })
      .optional(),
    STRIPE_PRICE_PRO: priceIdVariable.optional(),
    STRIPE_PRICE_ENTERPRISE: priceIdVariable.optional(),
  })
  .superRefine((env, context) => {
    if (!env.STRIPE_SECRET_KEY) {
      for (const name of STRIPE_SETTINGS) {
        if (env[name as keyof typeof env] !== undefined) {
          context.addIssue({
            code: 'custom',
            path: [name],
            message: 'is set but STRIPE_SECRET_KEY is not: set the key to turn Stripe on, or unset this',
          });
        }
      }
      return;
    }
    const required: Record<string, string> = {
      STRIPE_WEBHOOK_SECRET: 'is required with STRIPE_SECRET_KEY: webhooks cannot be verified without it',
      STRIPE_PRICE_PRO: 'is required with STRIPE_SECRET_KEY: the price the pro plan is sold at',
      STRIPE_PRICE_ENTERPRISE: 'is required with STRIPE_SECRET_KEY: the price the enterprise plan is sold at',
    };
    for (const [name, message] of Object.entries(required)) {
      if (env[name as keyof typeof env] === undefined) context.addIssue({ code: 'custom', path: [name], message });
    }
    if (env.STRIPE_API_BASE_URL && /^(sk|rk)_live_/.test(env.STRIPE_SECRET_KEY)) {
      // A live key sent anywhere but Stripe would hand that server the account.
      context.addIssue({
        code: 'custom',
        path: ['STRIPE_API_BASE_URL'],
        message: 'is set with a live key: a live key is only ever sent to Stripe itself; unset it, or use a test key',
      });
    }
    if (env.STRIPE_PRICE_PRO && env.STRIPE_PRICE_PRO === env.STRIPE_PRICE_ENTERPRISE) {
      context.addIssue({
        code: 'custom',
        path: ['STRIPE_PRICE_ENTERPRISE'],
        message: 'is the same price as STRIPE_PRICE_PRO: a subscription would not say which plan it buys',
      });
    }
  });

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  /** A local stand-in's origin; null for Stripe itself. */
  apiBaseUrl: string | null;
  /** The Stripe price each paid plan is sold at: checkout uses it, and a subscription's price says its plan. */
  prices: { pro: string; enterprise: string };
}

/**
 * Stripe's settings from the environment, or null when STRIPE_SECRET_KEY is unset (Stripe is then off). A bad
 * variable is named in the error, its value never shown.
 */
export function loadStripeConfig(env: NodeJS.ProcessEnv = process.env): StripeConfig | null {
  const parsed = parseEnv(stripeEnvSchema, env);
  if (!parsed.STRIPE_SECRET_KEY) return null;
  return {
    secretKey: parsed.STRIPE_SECRET_KEY,
    webhookSecret: parsed.STRIPE_WEBHOOK_SECRET as string,
    apiBaseUrl: parsed.STRIPE_API_BASE_URL ? new URL(parsed.STRIPE_API_BASE_URL).origin : null,
    prices: { pro: parsed.STRIPE_PRICE_PRO as string, enterprise: parsed.STRIPE_PRICE_ENTERPRISE as string },
  };
}
