/** An answer in Stripe's error shape: `{ error: { type, message, code?, param?, doc_url? } }` with its HTTP status. */
export class StripeApiError extends Error {
  readonly status: number;
  readonly body: { error: Record<string, string> };

  constructor(status: number, error: { type: string; message: string; code?: string; param?: string }) {
    super(error.message);
    this.name = 'StripeApiError';
    this.status = status;
    this.body = {
      error: {
        ...error,
        ...(error.code && { doc_url: `https://stripe.com/docs/error-codes/${error.code.replaceAll('_', '-')}` }),
      },
    };
  }
}

/**
 * What Stripe answers for an id it does not have, `resource_missing` naming the object and the parameter: 404 for
 * the object the URL names, 400 for one a parameter names.
 */
export function noSuch(objectName: string, id: string, param = 'id'): StripeApiError {
  return new StripeApiError(param === 'id' ? 404 : 400, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${objectName}: '${id}'`,
    param,
  });
}

export function invalidRequest(message: string, param?: string): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, ...(param && { param }) });
}
