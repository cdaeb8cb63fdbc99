import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grants } from '../../../../domain/guild-access.ts';
import { notFound } from '../../http/api-error.ts';
import { accessibleGuild, signedInSession } from '../../sessions/signed-in-session.ts';
import { createTicketEventStreams, type TicketStreamRequest } from '../../tickets/ticket-event-stream.ts';
import type { WebServices } from '../../web-services.ts';
import { guildParams, ticketParams } from './ticket-schemas.ts';

const changeId = z.coerce.number().int().nonnegative();

/** Where a stream resumes: the browser's Last-Event-ID when it reconnects, else the `after` the page was read at. */
const resumeQuery = z.strictObject({ after: changeId.optional() });
const resumeHeaders = z.object({ 'last-event-id': changeId.optional() });

/**
 * Live ticket changes as Server-Sent Events (web/server/tickets/ticket-event-stream.ts), resumable by change id:
 * - `GET /api/v1/guilds/:guildId/tickets/stream`: the guild's tickets as they open, change and close (a member's:
 *   only those they opened), each a `ticket` event carrying the list's row;
 * - `GET /api/v1/guilds/:guildId/tickets/:ticketNumber/stream`: one ticket's `ticket`, `message` (new, edited,
 *   deleted) and `event` (timeline) changes; 404 as the ticket itself would be.
 */
export const ticketStreamRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  const streams = createTicketEventStreams({ feed: services.ticketChanges, prisma: services.prisma });
  // Open streams would hold the server's close until the grace period ends; browsers reconnect elsewhere.
  app.addHook('preClose', async () => streams.closeAll());

  const serve = (reply: FastifyReply, stream: TicketStreamRequest) => {
    reply.hijack();
    streams.serve(reply.raw, stream);
  };

  app.get(
    '/api/v1/guilds/:guildId/tickets/stream',
    { config: { access: 'member' }, schema: { params: guildParams, querystring: resumeQuery, headers: resumeHeaders } },
    async (request, reply) => {
      const guild = accessibleGuild(request);
      const staff = grants(guild.access, 'staff');
      serve(reply, {
        guildId: guild.id,
        scope: 'list',
        afterId: request.headers['last-event-id'] ?? request.query.after,
        creatorId: staff ? undefined : signedInSession(request).user.id,
      });
    },
  );

  app.get(
    '/api/v1/guilds/:guildId/tickets/:ticketNumber/stream',
    {
      config: { access: 'member' },
      schema: { params: ticketParams, querystring: resumeQuery, headers: resumeHeaders },
    },
    async (request, reply) => {
      const guild = accessibleGuild(request);
      const viewer = signedInSession(request).user;
      const ticket = await services.prisma.ticket.findUnique({
        where: { guildId_number: { guildId: guild.id, number: request.params.ticketNumber } },
        select: { id: true, creatorId: true },
      });
      if (!ticket || (!grants(guild.access, 'staff') && ticket.creatorId !== viewer.id)) throw notFound('This ticket');
      serve(reply, {
        guildId: guild.id,
        scope: 'ticket',
        afterId: request.headers['last-event-id'] ?? request.query.after,
        ticketId: ticket.id,
      });
    },
  );
};
