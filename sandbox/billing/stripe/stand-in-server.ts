/**
 * The Stripe stand-in: Stripe's API on 127.0.0.1 for tests and the no-credentials demo. It is as strict as Stripe
 * where Ticketflow meets it: the configured secret key only, form-encoded bodies, every request first validated by
 * Stripe's own stripe-mock against Stripe's spec, unknown ids answered 404 in Stripe's error shape, idempotency keys
 * honoured. It holds the objects a checkout creates (stripe-mock holds nothing), forwards every other request to
 * stripe-mock, and sends the events of each change, signed, to the webhook endpoint.
 *
 * Beside Stripe's API it serves what a buyer and a test do at Stripe: `/checkout/:id` and `/billing_portal/:id`
 * pages, and `/_stand-in/…` control endpoints (JSON) that complete a checkout, renew, fail or recover a payment,
 * cancel, change the plan, and list or redeliver events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { type FormObject, parseStripeForm } from './form-params.ts';
import { type SeedPrice, StandInBilling } from './stand-in-billing.ts';
import { checkoutPage, portalPage } from './stand-in-pages.ts';
import { loadState, type ObjectTemplates, saveState, snapshot } from './stand-in-store.ts';
import { invalidRequest, noSuch, StripeApiError } from './stripe-api-error.ts';
import { stripeId } from './stripe-events.ts';
import { stripeList } from './stripe-list.ts';
import { startStripeMock } from './stripe-mock-process.ts';
import { WebhookSender } from './webhook-sender.ts';

export interface StripeStandInOptions {
  /** The only API key accepted (a test key: the stand-in is never Stripe). */
  secretKey: string;
  /** The endpoint's signing secret the events are signed with. */
  webhookSecret: string;
  /** Where events are sent; none are sent while null (control endpoints still return them). */
  webhookUrl?: string | null;
  prices: readonly SeedPrice[];
  port?: number;
  /** A file the held objects are saved to after each change and read from at start (the demo's). */
  stateFile?: string | null;
  retryDelaysMs?: readonly number[];
}

export interface StripeStandIn {
  /** `http://127.0.0.1:<port>`: STRIPE_API_BASE_URL for the client. */
  url: string;
  close(): Promise<void>;
}

interface Request {
  method: string;
  path: string;
  params: string[];
  query: FormObject;
  body: FormObject;
  /** For Stripe's API: stripe-mock's (stateless) answer, once it has validated the request. */
  mockAnswer?: unknown;
  raw: { headers: IncomingMessage['headers']; search: string; body: string };
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Handler = (request: Request) => Promise<Answer>;

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const ENDED_STATUSES: ReadonlySet<string> = new Set(['canceled', 'incomplete_expired']);
const JSON_HEADERS = { 'content-type': 'application/json' };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** What Stripe answers to a request without the right key, before anything else. */
function authenticationError(header: string | undefined, secretKey: string): StripeApiError | null {
  const [scheme, credentials] = (header ?? '').split(' ');
  let key = '';
  if (scheme === 'Bearer' && credentials) key = credentials;
  if (scheme === 'Basic' && credentials) key = Buffer.from(credentials, 'base64').toString().replace(/:$/, '');
  if (!key) {
    return new StripeApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  if (key === secretKey) return null;
  return new StripeApiError(401, {
    type: 'invalid_request_error',
    message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
  });
}

function expandPaths(request: Request): string[] {
  const expand = request.method === 'GET' ? request.query.expand : request.body.expand;
  if (expand === undefined) return [];
  return (Array.isArray(expand) ? expand : [expand]).filter((path): path is string => typeof path === 'string');
}

export async function startStripeStandIn(options: StripeStandInOptions): Promise<StripeStandIn> {
  if (!/^sk_test_\w+$/.test(options.secretKey)) {
    throw new Error('the Stripe stand-in takes a test key (sk_test_…): it is never Stripe');
  }
  const stripeMock = await startStripeMock();
  // The stand-in checks the key itself; stripe-mock only takes keys of three parts (sk_test_…).
  const mockHeaders = { authorization: 'Bearer sk_test_standin', 'stripe-version': Stripe.API_VERSION };
  const template = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${stripeMock.url}${path}`, { headers: mockHeaders });
    if (!response.ok) throw new Error(`stripe-mock answered ${response.status} for ${path}`);
    return (await response.json()) as T;
  };
  let templates: ObjectTemplates;
  try {
    templates = {
      price: await template('/v1/prices/price_template'),
      customer: await template('/v1/customers/cus_template'),
      checkoutSession: await template('/v1/checkout/sessions/cs_template'),
      subscription: await template('/v1/subscriptions/sub_template'),
      invoice: await template('/v1/invoices/in_template'),
    };
  } catch (error) {
    await stripeMock.close();
    throw error;
  }

  const stateFile = options.stateFile ?? null;
  const billing = new StandInBilling(loadState(stateFile), templates);
  for (const price of options.prices) billing.seedPrice(price);
  saveState(stateFile, billing.state);
  const webhooks = new WebhookSender({
    secret: options.webhookSecret,
    url: options.webhookUrl ?? null,
    ...(options.retryDelaysMs && { retryDelaysMs: options.retryDelaysMs }),
  });
  const portalSessions = new Map<string, { customer: string; returnUrl: string }>();
  const idempotentAnswers = new Map<string, { fingerprint: string; answer: Answer }>();
  let url = '';

  /** Sends Stripe's own validation of the request: its error when it refuses, its (stateless) answer when not. */
  const validated = async (request: Request): Promise<unknown> => {
    const response = await fetch(`${stripeMock.url}${request.path}${request.raw.search}`, {
      method: request.method,
      headers: {
        ...mockHeaders,
        ...(request.raw.body && { 'content-type': FORM_CONTENT_TYPE }),
      },
      ...(request.raw.body && { body: request.raw.body }),
    });
    const body = await response.json();
    if (!response.ok) {
      const error = (body as { error: { type: string; message: string; param?: string } }).error;
      throw new StripeApiError(response.status, error);
    }
    return body;
  };

  /** Stripe's `expand`: ids of held objects at the given (dotted) paths replaced by the objects. */
  const expanded = (object: unknown, paths: string[]): unknown => {
    const copy = snapshot(object);
    const lookups: Record<string, (id: string) => unknown> = {
      sub_: (id) => billing.subscription(id),
      in_: (id) => billing.invoice(id),
      cus_: (id) => billing.customer(id),
      cs_: (id) => billing.checkoutSession(id).session,
      price_: (id) => billing.price(id),
    };
    const expandAt = (node: unknown, segments: string[]): unknown => {
      if (Array.isArray(node)) return node.map((item) => expandAt(item, segments));
      if (segments.length === 0) {
        if (typeof node !== 'string') return node;
        const lookup = Object.entries(lookups).find(([prefix]) => node.startsWith(prefix))?.[1];
        return lookup ? snapshot(lookup(node)) : node;
      }
      if (typeof node !== 'object' || node === null) return node;
      const [field, ...rest] = segments as [string, ...string[]];
      const record = node as Record<string, unknown>;
      if (field in record) record[field] = expandAt(record[field], rest);
      return record;
    };
    for (const path of paths) expandAt(copy, path.split('.'));
    return copy;
  };

  const ok = (request: Request, object: unknown): Answer => ({
    status: 200,
    body: expanded(object, expandPaths(request)),
  });

  /** Events of an API call or a page go out in the background, as Stripe's do: nobody waits for the endpoint. */
  const changed = (events: Stripe.Event[]) => {
    saveState(stateFile, billing.state);
    void webhooks.deliver(events);
  };

  const apiRoutes: Array<[string, RegExp, Handler]> = [
    [
      'POST',
      /^\/v1\/checkout\/sessions$/,
      async (request) => {
        const answer = request.mockAnswer as Stripe.Checkout.Session;
        const session = billing.createCheckoutSession(request.body, answer, url);
        saveState(stateFile, billing.state);
        return ok(request, session);
      },
    ],
    [
      'GET',
      /^\/v1\/checkout\/sessions\/([^/]+)$/,
      async (r) => ok(r, billing.checkoutSession(r.params[0] as string).session),
    ],
    [
      'GET',
      /^\/v1\/subscriptions$/,
      async (request) => {
        const { customer, price, status = 'active_or_trialing_or_past_due' } = request.query;
        // Stripe lists the subscriptions not yet ended unless asked for a status, or `all`.
        const matches = (subscription: Stripe.Subscription) =>
          status === 'all' ||
          subscription.status === status ||
          (status === 'active_or_trialing_or_past_due' && !ENDED_STATUSES.has(subscription.status));
        const subscriptions = Object.values(billing.state.subscriptions)
          .filter((subscription) => customer === undefined || subscription.customer === customer)
          .filter(
            (subscription) => price === undefined || subscription.items.data.some((item) => item.price.id === price),
          )
          .filter(matches)
          .reverse();
        return ok(request, stripeList('subscription', subscriptions, request.query, '/v1/subscriptions'));
      },
    ],
    [
      'GET',
      /^\/v1\/events$/,
      async (request) => {
        const { type, types } = request.query;
        const wanted = [type, ...(Array.isArray(types) ? types : [])].filter((name) => typeof name === 'string');
        // `customer.subscription.*` stands for every type under it.
        const matches = (event: Stripe.Event) =>
          wanted.length === 0 ||
          wanted.some((name) => (name.endsWith('.*') ? event.type.startsWith(name.slice(0, -1)) : event.type === name));
        const events = billing.state.events.filter(matches).reverse();
        return ok(request, stripeList('event', events, request.query, '/v1/events'));
      },
    ],
    ['GET', /^\/v1\/subscriptions\/([^/]+)$/, async (r) => ok(r, billing.subscription(r.params[0] as string))],
    [
      'POST',
      /^\/v1\/subscriptions\/([^/]+)$/,
      async (request) => {
        const id = request.params[0] as string;
        billing.subscription(id);
        changed(billing.updateSubscription(id, request.body));
        return ok(request, billing.subscription(id));
      },
    ],
    [
      'DELETE',
      /^\/v1\/subscriptions\/([^/]+)$/,
      async (request) => {
        const id = request.params[0] as string;
        changed(billing.cancelSubscription(id));
        return ok(request, billing.subscription(id));
      },
    ],
    ['GET', /^\/v1\/invoices\/([^/]+)$/, async (r) => ok(r, billing.invoice(r.params[0] as string))],
    ['GET', /^\/v1\/customers\/([^/]+)$/, async (r) => ok(r, billing.customer(r.params[0] as string))],
    ['GET', /^\/v1\/prices\/([^/]+)$/, async (r) => ok(r, billing.price(r.params[0] as string))],
    ['GET', /^\/v1\/events\/([^/]+)$/, async (r) => ok(r, billing.event(r.params[0] as string))],
    [
      'POST',
      /^\/v1\/billing_portal\/sessions$/,
      async (request) => {
        const answer = request.mockAnswer as Stripe.BillingPortal.Session;
        const customer = request.body.customer;
        if (typeof customer !== 'string') throw invalidRequest('Missing required param: customer.', 'customer');
        if (!billing.state.customers[customer]) throw noSuch('customer', customer, 'customer');
        const id = stripeId('bps');
        const returnUrl = typeof request.body.return_url === 'string' ? request.body.return_url : url;
        portalSessions.set(id, { customer, returnUrl });
        return ok(request, {
          ...answer,
          id,
          customer,
          return_url: returnUrl,
          url: `${url}/billing_portal/${id}`,
          created: Math.floor(Date.now() / 1000),
          livemode: false,
        });
      },
    ],
  ];

  /** A control action: the events it made, sent to the endpoint unless `deliver` is false, and their deliveries. */
  const control = async (request: Request, events: Stripe.Event[], subscriptionId?: string): Promise<Answer> => {
    saveState(stateFile, billing.state);
    const deliver = (request.body as { deliver?: unknown }).deliver !== false;
    const deliveries = deliver ? await webhooks.deliver(events) : [];
    const subscription = subscriptionId
      ? snapshot(billing.subscription(subscriptionId))
      : (events.find((event) => event.type === 'customer.subscription.created')?.data.object ?? null);
    return { status: 200, body: { subscription, events, deliveries } };
  };

  const controlRoutes: Array<[string, RegExp, Handler]> = [
    [
      'POST',
      /^\/_stand-in\/checkout\/sessions\/([^/]+)\/complete$/,
      async (request) => {
        const trialDays = (request.body as { trialDays?: unknown }).trialDays;
        if (
          trialDays !== undefined &&
          (typeof trialDays !== 'number' || !Number.isInteger(trialDays) || trialDays < 1)
        ) {
          throw invalidRequest('trialDays must be a whole number of days, at least 1.', 'trialDays');
        }
        return control(request, billing.completeCheckout(request.params[0] as string, { trialDays }));
      },
    ],
    [
      'POST',
      /^\/_stand-in\/subscriptions\/([^/]+)\/renew$/,
      async (r) => control(r, billing.renew(r.params[0] as string), r.params[0]),
    ],
    [
      'POST',
      /^\/_stand-in\/subscriptions\/([^/]+)\/fail-payment$/,
      async (r) => {
        const final = (r.body as { final?: unknown }).final === true;
        return control(r, billing.failPayment(r.params[0] as string, { final }), r.params[0]);
      },
    ],
    [
      'POST',
      /^\/_stand-in\/subscriptions\/([^/]+)\/pay$/,
      async (r) => control(r, billing.payOpenInvoice(r.params[0] as string), r.params[0]),
    ],
    [
      'POST',
      /^\/_stand-in\/subscriptions\/([^/]+)\/cancel$/,
      async (r) => {
        const id = r.params[0] as string;
        const atPeriodEnd = (r.body as { atPeriodEnd?: unknown }).atPeriodEnd === true;
        const events = atPeriodEnd
          ? billing.updateSubscription(id, { cancel_at_period_end: 'true' })
          : billing.cancelSubscription(id);
        return control(r, events, id);
      },
    ],
    [
      'POST',
      /^\/_stand-in\/subscriptions\/([^/]+)\/change-plan$/,
      async (r) => {
        const id = r.params[0] as string;
        const price = (r.body as { price?: unknown }).price;
        if (typeof price !== 'string') throw invalidRequest('price is required: the price id to move to.', 'price');
        const [item] = billing.subscription(id).items.data;
        return control(r, billing.updateSubscription(id, { items: [{ id: item?.id ?? '', price }] }), id);
      },
    ],
    [
      'POST',
      /^\/_stand-in\/subscriptions\/([^/]+)\/trial-will-end$/,
      async (r) => control(r, billing.trialWillEnd(r.params[0] as string), r.params[0]),
    ],
    ['GET', /^\/_stand-in\/events$/, async () => ({ status: 200, body: { data: billing.state.events } })],
    [
      'POST',
      /^\/_stand-in\/events\/([^/]+)\/deliver$/,
      async (r) => ({
        status: 200,
        body: { deliveries: await webhooks.deliver([billing.event(r.params[0] as string)]) },
      }),
    ],
    [
      'PUT',
      /^\/_stand-in\/webhook-endpoint$/,
      async (r) => {
        const endpoint = (r.body as { url?: unknown }).url;
        if (endpoint !== null && (typeof endpoint !== 'string' || !URL.canParse(endpoint))) {
          throw invalidRequest('url must be the webhook endpoint URL, or null for none.', 'url');
        }
        webhooks.setEndpoint(endpoint);
        return { status: 200, body: { url: endpoint } };
      },
    ],
  ];

  const redirect = (location: string): Answer => ({ status: 303, body: '', headers: { location } });
  const html = (page: string): Answer => ({
    status: 200,
    body: page,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  const portal = (id: string) => {
    const session = portalSessions.get(id);
    if (!session) throw noSuch('billing_portal.session', id);
    return session;
  };

  const pageRoutes: Array<[string, RegExp, Handler]> = [
    [
      'GET',
      /^\/checkout\/([^/]+)$/,
      async (r) => {
        const held = billing.checkoutSession(r.params[0] as string);
        return html(checkoutPage(held.session, billing.price(held.priceId)));
      },
    ],
    [
      'POST',
      /^\/checkout\/([^/]+)\/pay$/,
      async (r) => {
        const id = r.params[0] as string;
        changed(billing.completeCheckout(id));
        return redirect(
          (billing.checkoutSession(id).session.success_url ?? url).replaceAll('{CHECKOUT_SESSION_ID}', id),
        );
      },
    ],
    [
      'POST',
      /^\/checkout\/([^/]+)\/cancel$/,
      async (r) => redirect(billing.checkoutSession(r.params[0] as string).session.cancel_url ?? url),
    ],
    [
      'GET',
      /^\/billing_portal\/([^/]+)$/,
      async (r) => {
        const session = portal(r.params[0] as string);
        const subscriptions = Object.values(billing.state.subscriptions).filter((s) => s.customer === session.customer);
        return html(portalPage(r.params[0] as string, session.returnUrl, subscriptions));
      },
    ],
    [
      'POST',
      /^\/billing_portal\/([^/]+)\/subscriptions\/([^/]+)\/cancel$/,
      async (r) => {
        const [portalId, subscriptionId] = r.params as [string, string];
        const session = portal(portalId);
        if (billing.subscription(subscriptionId).customer !== session.customer)
          throw noSuch('subscription', subscriptionId);
        const now = r.body.when === 'now';
        const events = now
          ? billing.cancelSubscription(subscriptionId)
          : billing.updateSubscription(subscriptionId, { cancel_at_period_end: 'true' });
        changed(events);
        return redirect(`${url}/billing_portal/${portalId}`);
      },
    ],
  ];

  const route = (routes: Array<[string, RegExp, Handler]>, method: string, path: string) => {
    for (const [routeMethod, pattern, handler] of routes) {
      const match = routeMethod === method ? pattern.exec(path) : null;
      if (match) return { handler, params: match.slice(1).map(decodeURIComponent) };
    }
    return null;
  };

  /** Stripe's API: authenticated, form-encoded, validated by stripe-mock, held objects served here, the rest there. */
  const api = async (request: Request): Promise<Answer> => {
    const refused = authenticationError(request.raw.headers.authorization, options.secretKey);
    if (refused) throw refused;
    const contentType = request.raw.headers['content-type'] ?? '';
    if (request.raw.body && !contentType.startsWith(FORM_CONTENT_TYPE)) {
      throw invalidRequest('Invalid request (check that your POST content type is application/x-www-form-urlencoded).');
    }
    const matched = route(apiRoutes, request.method, request.path);
    if (!matched) return { status: 200, body: await validated(request) };
    const run = async () =>
      matched.handler({ ...request, params: matched.params, mockAnswer: await validated(request) });
    const key = request.raw.headers['idempotency-key'];
    if (request.method === 'GET' || typeof key !== 'string') return run();
    // Stripe replays the first answer to a retried write with the same key, and refuses the key for another request.
    const fingerprint = `${request.method} ${request.path} ${request.raw.body}`;
    const earlier = idempotentAnswers.get(key);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        throw new StripeApiError(400, {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      }
      return { ...earlier.answer, headers: { ...earlier.answer.headers, 'idempotent-replayed': 'true' } };
    }
    const answer = await run();
    idempotentAnswers.set(key, { fingerprint, answer });
    return answer;
  };

  const handle = async (incoming: IncomingMessage): Promise<Answer> => {
    const target = new URL(incoming.url ?? '/', 'http://stand-in');
    const rawBody = await readBody(incoming);
    const method = incoming.method ?? 'GET';
    const base = {
      method,
      path: target.pathname,
      params: [],
      query: parseStripeForm(target.search.slice(1)),
      raw: { headers: incoming.headers, search: target.search, body: rawBody },
    };
    if (target.pathname.startsWith('/v1/')) return api({ ...base, body: parseStripeForm(rawBody) });
    const isJson = (incoming.headers['content-type'] ?? '').startsWith('application/json');
    let body: FormObject = {};
    try {
      body = rawBody && isJson ? (JSON.parse(rawBody) as FormObject) : parseStripeForm(rawBody);
    } catch {
      throw invalidRequest('The body is not JSON.');
    }
    const matched = route(controlRoutes, method, target.pathname) ?? route(pageRoutes, method, target.pathname);
    if (!matched)
      throw new StripeApiError(404, {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${method}: ${target.pathname}).`,
      });
    return matched.handler({ ...base, body, params: matched.params });
  };

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    void handle(incoming)
      .catch((error: unknown): Answer => {
        if (error instanceof StripeApiError) return { status: error.status, body: error.body };
        const message = error instanceof Error ? error.message : String(error);
        return { status: 500, body: { error: { type: 'api_error', message } } };
      })
      .then((answer) => {
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2);
        response.writeHead(answer.status, {
          ...(typeof answer.body === 'string' ? {} : JSON_HEADERS),
          'request-id': stripeId('req'),
          'stripe-version': Stripe.API_VERSION,
          ...answer.headers,
        });
        response.end(text);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.close();
      saveState(stateFile, billing.state);
      await stripeMock.close();
    },
  };
}
