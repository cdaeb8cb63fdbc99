import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userAvatarUrl } from '../discord/cdn.ts';
import { signedInSession } from '../sessions/signed-in-session.ts';
import type { WebServices } from '../web-services.ts';

const meReply = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().nullable(),
    /** One of the service's operators (ADMIN_USER_IDS): the panel links them to the admin pages. */
    operator: z.boolean(),
  }),
});

/** `GET /api/v1/me`: who is signed in. */
export const meRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/me',
    { config: { access: 'signed-in' }, schema: { response: { 200: meReply } } },
    async (request) => {
      const { user } = signedInSession(request);
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          avatarUrl: userAvatarUrl(user.id, user.avatar),
          operator: services.config.operatorUserIds.includes(user.id),
        },
      };
    },
  );
};
