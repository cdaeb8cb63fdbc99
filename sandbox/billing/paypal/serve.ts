/**
 * The local PayPal for the no-credentials demo (scripts/start.sh runs it when PAYPAL_CLIENT_ID is unset):
 * `node --import tsx sandbox/billing/paypal/serve.ts --settings-file PATH`. Listens on 127.0.0.1, port --port
 * (default 8792) and posts its webhooks to the panel's /webhooks/paypal.
 */
import { panelOrigin, serveStandIn } from '../stand-in-demo.ts';
import { startPayPalStandIn } from './paypal-stand-in.ts';
import { STAND_IN_PLANS } from './paypal-stand-in-state.ts';

const demoCredentials = {
  clientId: 'demo-paypal-client',
  clientSecret: 'demo-paypal-secret',
  webhookId: 'WH-DEMO-STAND-IN',
};
const [pro, enterprise] = STAND_IN_PLANS;

await serveStandIn({
  name: 'PayPal',
  defaultPort: 8792,
  start: async (port) => {
    const standIn = await startPayPalStandIn({
      ...demoCredentials,
      port,
      webhookUrl: `${panelOrigin()}/webhooks/paypal`,
    });
    return {
      baseUrl: standIn.baseUrl,
      close: standIn.close,
      settings: {
        PAYPAL_CLIENT_ID: demoCredentials.clientId,
        PAYPAL_CLIENT_SECRET: demoCredentials.clientSecret,
        PAYPAL_ENVIRONMENT: 'sandbox',
        PAYPAL_API_BASE_URL: standIn.baseUrl,
        PAYPAL_PLAN_PRO: pro?.id ?? '',
        PAYPAL_PLAN_ENTERPRISE: enterprise?.id ?? '',
        PAYPAL_WEBHOOK_ID: demoCredentials.webhookId,
        PAYPAL_WEBHOOK_CERT_ORIGINS: standIn.baseUrl,
        PAYPAL_MANAGE_URL: `${standIn.baseUrl}/myaccount/autopay/`,
      },
    };
  },
});
