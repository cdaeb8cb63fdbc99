import { serializeUser } from '../../serializers.ts';
import { requireUser } from '../access.ts';
import type { Route } from '../router.ts';

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/:userId',
    handle({ state, params, botUserId }) {
      if (params.userId !== '@me') return { status: 200, body: serializeUser(requireUser(state, params.userId ?? '')) };
      // The caller's own user carries the private fields of Discord's UserPIIResponse.
      const me = requireUser(state, botUserId);
      return {
        status: 200,
        body: {
          ...serializeUser(me),
          mfa_enabled: false,
          locale: 'en-US',
          verified: true,
          email: null,
          premium_type: 0,
        },
      };
    },
  },
];
