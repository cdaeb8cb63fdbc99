import type { FastifyInstance } from 'fastify';

/**
 * The largest webhook body taken. Stripe's, PayPal's and Patreon's subscription events are a few kilobytes;
 * anything near this is not theirs, and is refused (413) before it is read further.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Makes the (encapsulated) plugin's routes receive their JSON body as the exact bytes sent, a Buffer: a provider's
 * signature covers those bytes, and JSON parsed and serialised again is not them. Every other content type is
 * refused (415): the three providers all send application/json. Only the calling plugin's routes are affected.
 */
export function takeRawJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
}
