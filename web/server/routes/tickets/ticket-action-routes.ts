import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grants } from '../../../../domain/guild-access.ts';
import { snowflake } from '../../../../domain/snowflake.ts';
import { TIMER_DISABLE_REASON_MAX } from '../../../../workflows/ticket/timer-reason.ts';
import { CLOSE_REASON_MAX, STAFF_REPLY_MAX } from '../../../../workflows/ticket/validators.ts';
import type { RouteAccess } from '../../access/route-access.ts';
import { ApiError } from '../../http/api-error.ts';
import { accessibleGuild, signedInSession } from '../../sessions/signed-in-session.ts';
import { createMemberStaffCheck } from '../../tickets/member-staff-check.ts';
import { TicketActionRefused } from '../../tickets/ticket-action-refused.ts';
import { createTicketActions, type TicketAction } from '../../tickets/ticket-actions.ts';
import type { WebServices } from '../../web-services.ts';
import { ticketParams } from './ticket-schemas.ts';

/** Sent again with the same key (a retry after a lost answer), an action is taken once. */
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, dashes or underscores')
    .optional(),
});

/** fastify gives a request without a body as null. */
const noBody = z.strictObject({}).nullish();

/** `takeOver: true` confirms taking a ticket someone else holds; without it the ticket refuses (`held_by_another`). */
const takeOver = z.boolean().default(false);
const takeOverBody = z.strictObject({ takeOver }).nullish();

interface ActionRoute<Body extends z.ZodType> {
  path: string;
  access: RouteAccess;
  body: Body;
  action(body: z.output<Body>): TicketAction;
}

const route = <Body extends z.ZodType>(definition: ActionRoute<Body>) => definition;

/**
 * Every staff action the bot offers, at `POST /api/v1/guilds/:guildId/tickets/:ticketNumber/<action>`. Staff only,
 * except close, which the member who opened the ticket may do too (the workflow decides). The body is checked
 * before anything is sent (400 naming the field); the workflow's answer is 200 (done), 202 (taken, completes once
 * Temporal is back) or its refusal: 403 not allowed, 409 closed or still opening, 503 unreachable, in its words.
 */
const ACTION_ROUTES = [
  route({
    path: 'reply',
    access: 'staff',
    body: z.strictObject({ content: z.string().trim().min(1, 'must not be empty').max(STAFF_REPLY_MAX) }),
    action: (body) => ({ kind: 'reply', content: body.content }),
  }),
  route({
    path: 'assign',
    access: 'staff',
    body: z.strictObject({ assigneeId: snowflake, takeOver }),
    action: (body) => ({ kind: 'assign', assigneeId: body.assigneeId, takeOver: body.takeOver }),
  }),
  route({
    path: 'unassign',
    access: 'staff',
    body: takeOverBody,
    action: (body) => ({ kind: 'unassign', takeOver: body?.takeOver ?? false }),
  }),
  route({
    path: 'claim',
    access: 'staff',
    body: takeOverBody,
    action: (body) => ({ kind: 'claim', takeOver: body?.takeOver ?? false }),
  }),
  route({
    path: 'members',
    access: 'staff',
    body: z.strictObject({ memberId: snowflake }),
    action: (body) => ({ kind: 'add-member', memberId: body.memberId }),
  }),
  route({ path: 'pause-timer', access: 'staff', body: noBody, action: () => ({ kind: 'pause-timer' }) }),
  route({ path: 'resume-timer', access: 'staff', body: noBody, action: () => ({ kind: 'resume-timer' }) }),
  // The reason is required, as in the bot's modal: it is shown beside the timer while it is off.
  route({
    path: 'disable-timer',
    access: 'staff',
    body: z.strictObject({
      reason: z.string().trim().min(1, 'must not be empty').max(TIMER_DISABLE_REASON_MAX),
    }),
    action: (body) => ({ kind: 'disable-timer', reason: body.reason }),
  }),
  route({
    path: 'close',
    access: 'member',
    body: z.strictObject({ reason: z.string().trim().max(CLOSE_REASON_MAX).nullish() }).nullish(),
    action: (body) => ({ kind: 'close', reason: body?.reason || null }),
  }),
];

const actionReply = z.object({ outcome: z.enum(['done', 'closing', 'accepted']), message: z.string() });

export const ticketActionRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  const actions = createTicketActions({
    prisma: services.prisma,
    temporal: services.temporal,
    isStaffMember: createMemberStaffCheck({ prisma: services.prisma, directory: services.guildDirectory }),
  });

  for (const definition of ACTION_ROUTES) {
    app.post(
      `/api/v1/guilds/:guildId/tickets/:ticketNumber/${definition.path}`,
      {
        config: { access: definition.access },
        schema: {
          params: ticketParams,
          headers: idempotencyHeaders,
          body: definition.body,
          response: { 200: actionReply, 202: actionReply },
        },
      },
      async (request, reply) => {
        const guild = accessibleGuild(request);
        const user = signedInSession(request).user;
        const key = request.headers['idempotency-key'];
        try {
          const result = await actions.act({
            guildId: guild.id,
            number: request.params.ticketNumber,
            viewer: { id: user.id, name: user.displayName, isStaff: grants(guild.access, 'staff') },
            action: definition.action(request.body as never),
            // Scoped by the user: one person's key cannot stand for another's request.
            requestId: `${user.id}-${key ?? randomUUID()}`,
          });
          return reply.code(result.outcome === 'accepted' ? 202 : 200).send(result);
        } catch (error) {
          if (error instanceof TicketActionRefused) throw new ApiError(error.status, error.code, error.message);
          throw error;
        }
      },
    );
  }
};
