import type { FetchEvent } from '@solidjs/start/server';
import { type PanelRequestContext, panelRequestContextOf } from '../../../server/panel/panel-request-context.ts';

/** The Node request under a SolidStart event (srvx puts it on the request's runtime). */
function nodeRequestOf(event: FetchEvent): unknown {
  return (event.nativeEvent as { runtime?: { node?: { req?: unknown } } }).runtime?.node?.req;
}

/** What the web process attached to this page request; rendering outside the web process is a mistake. */
export function panelRequestContext(event: FetchEvent): PanelRequestContext {
  const context = panelRequestContextOf(nodeRequestOf(event));
  if (!context) {
    throw new Error('The panel is rendering outside the web process: start it with the web server (web/server/)');
  }
  return context;
}
