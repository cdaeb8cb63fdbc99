import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, invalidRequest, notFound, type Problem } from './api-error.ts';

/**
 * Every error fastify answers, in the API's one shape: `{ error: { code, message, problems? } }`. Bad input names
 * each field; a server fault is logged with its details and answered without them.
 */
export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(error.body);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems: Problem[] = error.validation.map((issue) => ({
        path: issue.instancePath.split('/').filter(Boolean).join('.') || (error.validationContext ?? 'request'),
        message: issue.message ?? 'is invalid',
      }));
      return reply.code(400).send(invalidRequest(problems).body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send(new ApiError(500, 'internal', 'Something went wrong on our side.').body);
    }
    // fastify's own refusals: unparsable JSON, an unsupported content type, a body too large.
    const code = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : 'bad_request';
    return reply.code(status).send(new ApiError(status, code, error.message).body);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(notFound('This page').body));
}
