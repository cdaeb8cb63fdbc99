import { gatewayUrl } from '../../gateway/gateway.ts';
import type { Route } from '../router.ts';

export const gatewayRoutes: Route[] = [
  {
    method: 'GET',
    path: '/gateway/bot',
    handle({ origin }) {
      return {
        status: 200,
        body: {
          url: gatewayUrl(origin),
          shards: 1,
          // discord.js refuses to connect without max_concurrency, or with fewer sessions remaining than shards.
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    },
  },
];
