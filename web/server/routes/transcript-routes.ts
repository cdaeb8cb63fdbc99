import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { snowflake } from '../../../domain/snowflake.ts';
import { ApiError, notFound } from '../http/api-error.ts';
import { accessibleGuild, signedInSession } from '../sessions/signed-in-session.ts';
import { MEDIA_CSP, TRANSCRIPT_CSP, type Viewer } from '../transcripts/transcript-viewer.ts';
import type { WebServices } from '../web-services.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const pageParams = z.object({
  guildId: snowflake,
  number: z.string().regex(/^[1-9]\d{0,9}$/, 'must be a ticket number'),
});
const mediaParams = z.object({
  guildId: snowflake,
  number: z.string().regex(/^\d{4,10}$/, 'must be a ticket number of at least 4 digits'),
  file: z.string().regex(/^[0-9a-f]{64}\.[a-z0-9]{1,5}$/, 'must be a stored file name'),
});
const pageQuery = z.object({
  tz: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').optional(),
});

function viewerOf(request: FastifyRequest): Viewer {
  return { userId: signedInSession(request).user.id, access: accessibleGuild(request).access };
}

/** A link opened from Discord while signed out leads through sign-in and back to the transcript. */
async function signInFirst(error: Error, request: FastifyRequest, reply: FastifyReply) {
  const browsing = request.headers.accept?.includes('text/html') ?? false;
  if (error instanceof ApiError && error.status === 401 && browsing) {
    return reply.redirect(`/auth/login?${new URLSearchParams({ next: request.url })}`, 303);
  }
  throw error;
}

/**
 * The stored transcripts, on the panel's origin under their own strict policy (no script, nothing framed, only
 * their own stored images), for the staff of the guild and for the member who opened the ticket; anyone else, and
 * any ticket without a stored transcript, gets the same 404:
 * - `GET /transcripts/:guildId/:number` (domain/panel-paths.ts): the HTML page, times in `?tz=` (UTC by default);
 * - `GET /transcripts/:guildId/:number/media/:file`: a file saved with it (`number` padded as storage keys are).
 */
export const transcriptRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/transcripts/:guildId/:number',
    {
      config: { access: 'member' },
      schema: { params: pageParams, querystring: pageQuery },
      errorHandler: signInFirst,
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 200) reply.header('Content-Security-Policy', TRANSCRIPT_CSP);
        return payload;
      },
    },
    async (request, reply) => {
      const { guildId, number } = request.params;
      const page = await services.transcriptViewer.page(guildId, Number(number), viewerOf(request), request.query.tz);
      if (page === null) throw notFound('This transcript');
      return reply
        .type('text/html; charset=utf-8')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-store')
        .send(page);
    },
  );

  app.get(
    '/transcripts/:guildId/:number/media/:file',
    {
      config: { access: 'member' },
      schema: { params: mediaParams },
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 200) {
          reply.header('Content-Security-Policy', MEDIA_CSP);
          // Content-addressed: the bytes behind a name never change, so a browser may keep them (to itself).
          reply.header('Cache-Control', 'private, max-age=3600, immutable');
        }
        return payload;
      },
    },
    async (request, reply) => {
      const { guildId, number, file } = request.params;
      const media = await services.transcriptViewer.media(guildId, number, file, viewerOf(request));
      if (media === null) throw notFound('This file');
      return reply
        .type(media.contentType)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', media.inline ? 'inline' : `attachment; filename="${file}"`)
        .send(Buffer.from(media.body));
    },
  );
};
