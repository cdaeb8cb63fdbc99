import { Client, Environment, SubscriptionsController } from '@paypal/paypal-server-sdk';
import axios, { type AxiosAdapter } from 'axios';
import type { PayPalConfig } from '../../config/billing/paypal-config.ts';

/** The API hosts the SDK hard-codes per environment (it has no base-URL setting). */
const PAYPAL_API_ORIGINS = {
  live: 'https://api-m.paypal.com',
  sandbox: 'https://api-m.sandbox.paypal.com',
} as const;

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * PayPal's subscriptions API through the official SDK, authenticated with the client credentials (the SDK fetches
 * and renews the OAuth token itself). With `apiBaseUrl` set, every request goes to that stand-in instead.
 */
export function createPayPalSubscriptionsApi(config: PayPalConfig): SubscriptionsController {
  const client = new Client({
    environment: config.environment === 'live' ? Environment.Production : Environment.Sandbox,
    timeout: REQUEST_TIMEOUT_MS,
    clientCredentialsAuthCredentials: { oAuthClientId: config.clientId, oAuthClientSecret: config.clientSecret },
    unstable_httpClientOptions: config.apiBaseUrl
      ? { adapter: rebasingAdapter(PAYPAL_API_ORIGINS[config.environment], config.apiBaseUrl) }
      : undefined,
  });
  return new SubscriptionsController(client);
}

/**
 * The SDK's only way to another host is `unstable_httpClientOptions`, merged into its `axios.create()`: this
 * adapter rewrites PayPal's origin to the stand-in's and hands the request to axios's own http adapter. It is the
 * one place that relies on the hook, so an SDK upgrade that renames it breaks here, loudly, and nowhere else.
 * A request for any other origin is refused rather than sent to the internet.
 */
function rebasingAdapter(paypalOrigin: string, baseUrl: string): AxiosAdapter {
  const httpAdapter = axios.getAdapter('http');
  return (requestConfig) => {
    const url = requestConfig.url ?? '';
    if (!url.startsWith(`${paypalOrigin}/`)) {
      return Promise.reject(new Error(`PayPal stand-in: refusing a request outside ${paypalOrigin}`));
    }
    return httpAdapter({ ...requestConfig, url: baseUrl + url.slice(paypalOrigin.length) });
  };
}
