import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * fastify's request lines, as the web process writes them: one line per answered request with its method, path,
 * status and time taken, never the query (the sign-in callback carries Discord's code and state there) or headers
 * (cookies). fastify's own lines log the request object, which the process's log formatter (which removes secrets)
 * turns into a plain copy before fastify's serializer could read its method and URL.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime),
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }
}
