import type { FastifyBaseLogger } from 'fastify';
import type { BillingProvider } from '../../../billing/provider.ts';
import { ApiError } from '../http/api-error.ts';
import { providerDisplayName } from './billing-services.ts';

/**
 * A call to a payment provider's API on a buyer's behalf. A failure (the provider down, a key it refuses) is
 * logged with its details and answered 502 `provider_failed` in plain words, never with the provider's error.
 */
export async function callProvider<T>(
  provider: BillingProvider,
  log: FastifyBaseLogger,
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    log.error({ err: error, provider: provider.name }, `${provider.name}: ${what} failed`);
    throw new ApiError(
      502,
      'provider_failed',
      `${providerDisplayName(provider.name)} did not answer as expected, so nothing changed. Try again in a moment.`,
    );
  }
}
