import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grants } from '../../../../domain/guild-access.ts';
import { InputError } from '../../../../store/input-error.ts';
import { latestChangeId } from '../../../../store/ticket-change-log.ts';
import { readTicketDetail } from '../../../../store/ticket-detail.ts';
import { listMemberTickets, listTickets, type TicketPage } from '../../../../store/ticket-list.ts';
import { ticketListQuerySchema } from '../../../../store/ticket-list-query.ts';
import { invalidRequest, notFound } from '../../http/api-error.ts';
import { accessibleGuild, signedInSession } from '../../sessions/signed-in-session.ts';
import type { WebServices } from '../../web-services.ts';
import { guildParams, ticketDetailView, ticketParams, ticketSummaryView } from './ticket-schemas.ts';

/**
 * What staff and members read of a guild's tickets:
 * - `GET /api/v1/guilds/:guildId/tickets`: staff get the guild's tickets, a member only those they opened; filtered,
 *   sorted and paged by the query (store/ticket-list-query.ts), bad input answered 400 naming the field;
 * - `GET /api/v1/guilds/:guildId/tickets/:ticketNumber`: one ticket whole (answers, members, messages with their
 *   edits and deletions, timeline); a member's view of a ticket they did not open is 404, as for one that does not
 *   exist.
 * Each answer carries `changeId`, the newest change it includes: open the live stream with `?after=<changeId>`.
 */
export const ticketReadRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/guilds/:guildId/tickets',
    {
      config: { access: 'member' },
      schema: {
        params: guildParams,
        querystring: ticketListQuerySchema,
        response: {
          200: z.object({
            tickets: z.array(ticketSummaryView),
            nextCursor: z.string().nullable(),
            changeId: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      const viewer = signedInSession(request).user;
      // Read before the page: a stream opened `after` it misses no change made while the page was read.
      const changeId = await latestChangeId(services.prisma, guild.id);
      let page: TicketPage;
      try {
        page = grants(guild.access, 'staff')
          ? await listTickets(services.prisma, guild.id, request.query)
          : await listMemberTickets(services.prisma, guild.id, viewer.id, request.query);
      } catch (error) {
        if (error instanceof InputError) throw invalidRequest(error.problems);
        throw error;
      }
      return { ...page, changeId };
    },
  );

  app.get(
    '/api/v1/guilds/:guildId/tickets/:ticketNumber',
    {
      config: { access: 'member' },
      schema: { params: ticketParams, response: { 200: z.object({ ticket: ticketDetailView, changeId: z.number() }) } },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      const viewer = signedInSession(request).user;
      const memberId = grants(guild.access, 'staff') ? undefined : viewer.id;
      const changeId = await latestChangeId(services.prisma, guild.id);
      const ticket = await readTicketDetail(services.prisma, guild.id, request.params.ticketNumber, memberId);
      if (!ticket) throw notFound('This ticket');
      return { ticket, changeId };
    },
  );
};
