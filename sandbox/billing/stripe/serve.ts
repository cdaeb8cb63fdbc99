/**
 * The Stripe stand-in for trying Ticketflow without a Stripe account: `node --import tsx sandbox/billing/stripe/serve.ts`
 * (scripts/start.sh runs it when STRIPE_SECRET_KEY is unset). Listens on 127.0.0.1:$STRIPE_SANDBOX_PORT (default
 * 8791), accepts only $STRIPE_SECRET_KEY, sells the plans at $STRIPE_PRICE_PRO and $STRIPE_PRICE_ENTERPRISE, signs
 * events with $STRIPE_WEBHOOK_SECRET and posts them to $STRIPE_SANDBOX_WEBHOOK_URL, and keeps what it holds in
 * $TICKETFLOW_DATA_DIR/stripe-sandbox/state.json across restarts. SIGINT or SIGTERM stops it after saving.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv } from '../../../config/parse-env.ts';
import { planPrices } from './plan-prices.ts';
import { startStripeStandIn } from './stand-in-server.ts';

const serveEnvSchema = z.object({
  TICKETFLOW_DATA_DIR: z.string().min(1).optional(),
  STRIPE_SANDBOX_PORT: z.coerce.number().int().min(1).max(65_535).default(8791),
  STRIPE_SECRET_KEY: z.string().regex(/^sk_test_\w+$/, 'must be a test key (sk_test_…): the stand-in is never Stripe'),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a signing secret (whsec_…)'),
  STRIPE_PRICE_PRO: z.string().regex(/^price_\w+$/, 'must be a price id (price_…)'),
  STRIPE_PRICE_ENTERPRISE: z.string().regex(/^price_\w+$/, 'must be a price id (price_…)'),
  STRIPE_SANDBOX_WEBHOOK_URL: z.url().optional(),
});

async function main(): Promise<void> {
  const env = parseEnv(serveEnvSchema, process.env);
  const dataDir = env.TICKETFLOW_DATA_DIR
    ? resolve(env.TICKETFLOW_DATA_DIR)
    : fileURLToPath(new URL('../../../.data', import.meta.url));
  const standIn = await startStripeStandIn({
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    webhookUrl: env.STRIPE_SANDBOX_WEBHOOK_URL ?? null,
    prices: planPrices({ pro: env.STRIPE_PRICE_PRO, enterprise: env.STRIPE_PRICE_ENTERPRISE }),
    port: env.STRIPE_SANDBOX_PORT,
    stateFile: join(dataDir, 'stripe-sandbox', 'state.json'),
  });
  console.log(
    `Stripe stand-in listening at ${standIn.url}, sending webhooks to ${env.STRIPE_SANDBOX_WEBHOOK_URL ?? 'nowhere'}`,
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    standIn.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stripe stand-in: could not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const address = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    address
      ? `Stripe stand-in: ${message}; set STRIPE_SANDBOX_PORT to a free port or stop what holds it`
      : `Stripe stand-in: ${message}`,
  );
  process.exit(1);
});
