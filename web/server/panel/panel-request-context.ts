/**
 * What the web process hands the panel with each page request (panel-plugin.ts attaches it): the page's
 * Content-Security-Policy nonce, and a way to call the process's own API in-process. It rides on the Node request
 * object, the one thing that reaches the panel's server code unchanged: Nitro bundles the panel into its own copies
 * of every module it imports, so a module-level singleton shared with fastify would be a second instance. The panel
 * reads it in web/app/src/lib/panel-context.ts.
 */

/** One HTTP request answered in-process by the web server's own routes (fastify's inject). */
export type InProcessRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
};

export type InProcessResponse = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
};

export type PanelRequestContext = {
  cspNonce: string;
  api(request: InProcessRequest): Promise<InProcessResponse>;
};

const contextKey = Symbol.for('ticketflow.panel.request-context');

type CarriesContext = { [contextKey]?: PanelRequestContext };

export function attachPanelRequestContext(nodeRequest: object, context: PanelRequestContext): void {
  (nodeRequest as CarriesContext)[contextKey] = context;
}

/** The context the web process attached to this Node request, if it did. */
export function panelRequestContextOf(nodeRequest: unknown): PanelRequestContext | undefined {
  return typeof nodeRequest === 'object' && nodeRequest !== null
    ? (nodeRequest as CarriesContext)[contextKey]
    : undefined;
}
