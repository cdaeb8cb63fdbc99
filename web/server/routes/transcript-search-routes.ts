import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grants } from '../../../domain/guild-access.ts';
import { transcriptPagePath } from '../../../domain/panel-paths.ts';
import { InputError } from '../../../store/input-error.ts';
import { searchMemberTranscripts, searchTranscripts, type TranscriptPage } from '../../../store/transcript-search.ts';
import { transcriptSearchQuerySchema } from '../../../store/transcript-search-query.ts';
import { invalidRequest } from '../http/api-error.ts';
import { accessibleGuild, signedInSession } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';
import { guildParams, ticketSummaryView } from './tickets/ticket-schemas.ts';

const transcriptView = ticketSummaryView.extend({
  /** The viewer's page of the stored transcript; null while it is being rendered, or if rendering failed. */
  transcriptPath: z.string().nullable(),
  /** Where a text search matched: the first matching message, as plain text around the words. */
  match: z.object({ messageId: z.string(), excerpt: z.string() }).nullable(),
});

/**
 * `GET /api/v1/guilds/:guildId/transcripts`: the guild's closed tickets, searched by number, creator, assignee, type,
 * close reason, when they closed and the words of their messages (store/transcript-search-query.ts), newest closed
 * first, a keyset page at a time. Staff search the guild's; a member only the tickets they opened. Bad input is a 400
 * naming the field.
 */
export const transcriptSearchRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/guilds/:guildId/transcripts',
    {
      config: { access: 'member' },
      schema: {
        params: guildParams,
        querystring: transcriptSearchQuerySchema,
        response: { 200: z.object({ transcripts: z.array(transcriptView), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      let page: TranscriptPage;
      try {
        page = grants(guild.access, 'staff')
          ? await searchTranscripts(services.prisma, guild.id, request.query)
          : await searchMemberTranscripts(services.prisma, guild.id, signedInSession(request).user.id, request.query);
      } catch (error) {
        if (error instanceof InputError) throw invalidRequest(error.problems);
        throw error;
      }
      return {
        nextCursor: page.nextCursor,
        transcripts: page.transcripts.map(({ transcriptKey, ...ticket }) => ({
          ...ticket,
          transcriptPath: transcriptKey === null ? null : transcriptPagePath(guild.id, ticket.number),
        })),
      };
    },
  );
};
