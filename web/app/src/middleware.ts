import { createMiddleware } from '@solidjs/start/middleware';

/**
 * The panel has no server functions: pages read and change data through the web API, whose session, origin and
 * access checks then cover everything. SolidStart would still answer its server-function endpoint, which checks no
 * origin, so that endpoint is closed.
 */
export default createMiddleware({
  onRequest: [
    (event) => {
      if (new URL(event.request.url).pathname.startsWith('/_server')) {
        return new Response(null, { status: 404 });
      }
    },
  ],
});
