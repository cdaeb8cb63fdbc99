import { ApiError, type ApiResponse } from '@paypal/paypal-server-sdk';

/**
 * A PayPal API refusal, carrying only what PayPal said: the SDK's own errors hold the request, whose headers carry
 * the bearer token or the client credentials, and must not reach a log or a workflow's failure.
 */
export class PayPalApiError extends Error {
  override name = 'PayPalApiError';
  readonly status: number;
  /** PayPal's error name (RESOURCE_NOT_FOUND, UNPROCESSABLE_ENTITY, invalid_client…). */
  readonly paypalName: string | null;
  /** The first detail's issue (SUBSCRIPTION_STATUS_INVALID…). */
  readonly issue: string | null;

  constructor(action: string, status: number, paypalName: string | null, issue: string | null, debugId: string | null) {
    super(
      `PayPal refused to ${action}: ${status} ${[paypalName, issue].filter(Boolean).join(' ')}${debugId ? ` (debug id ${debugId})` : ''}`,
    );
    this.status = status;
    this.paypalName = paypalName;
    this.issue = issue;
  }
}

/** Runs one SDK call and returns its result, turning the SDK's errors into ones that hold no credentials. */
export async function callPayPal<T>(action: string, call: () => Promise<ApiResponse<T>>): Promise<T> {
  try {
    return (await call()).result;
  } catch (error) {
    if (error instanceof ApiError) {
      const body = (error.result ?? {}) as {
        name?: unknown;
        error?: unknown;
        debug_id?: unknown;
        details?: { issue?: unknown }[];
      };
      const paypalName = stringOrNull(body.name) ?? stringOrNull(body.error);
      throw new PayPalApiError(
        action,
        error.statusCode,
        paypalName,
        stringOrNull(body.details?.[0]?.issue),
        stringOrNull(body.debug_id),
      );
    }
    // Transport errors (axios's) carry the request config, headers included: keep only the message.
    throw new Error(
      `PayPal could not be reached to ${action}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
