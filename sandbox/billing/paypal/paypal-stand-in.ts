import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, readBody, sendJson } from '../stand-in-http.ts';
import { WebhookSender } from '../webhook-sender.ts';
import {
  PayPalStandInError,
  PayPalStandInState,
  type PayPalSubscriptionJson,
  STAND_IN_PLANS,
  type StandInEvent,
  type StandInPlan,
} from './paypal-stand-in-state.ts';
import {
  type PayPalDelivery,
  paypalEventBody,
  paypalTime,
  STAND_IN_SIGNING_CERT,
  signPayPalDelivery,
} from './paypal-webhook-signing.ts';

export interface PayPalStandInOptions {
  clientId: string;
  clientSecret: string;
  /** The webhook id every delivery is signed for, as PayPal's dashboard shows it. */
  webhookId: string;
  /** Where webhooks are delivered (the panel's PayPal route); without one they are only kept in `deliveries`. */
  webhookUrl?: string;
  plans?: StandInPlan[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  now?: () => number;
}

export interface PayPalStandIn {
  /** What PAYPAL_API_BASE_URL is set to. */
  baseUrl: string;
  /** Where the stand-in's signing certificate is served: every delivery's PAYPAL-CERT-URL. */
  certUrl: string;
  plans: StandInPlan[];
  state: PayPalStandInState;
  /** Every webhook the stand-in sent, signed, in order. */
  deliveries: PayPalDelivery[];
  /** Applies a change as a buyer or PayPal's billing would, and sends its webhooks. */
  simulate(action: SimulatedAction, subscriptionId: string): Promise<PayPalDelivery[]>;
  close(): Promise<void>;
}

/** What PayPal or the buyer does on their own: the control endpoints' actions. */
export type SimulatedAction = 'approve' | 'renew' | 'fail-payment' | 'expire' | 'cancel';

const TOKEN_TTL_SECONDS = 32_400;
const CERT_PATH = '/v1/notifications/certs/CERT-360caa42-fca2a594-standin0';

/**
 * A local PayPal for the demo and the tests: OAuth2 client credentials, the billing subscriptions and plans API,
 * the buyer's approval page, the signing certificate, and webhooks signed with it, on PayPal's own paths and
 * in PayPal's shapes. It is at least as strict as PayPal: every API call needs a token from the client's credentials,
 * unknown ids answer 404 RESOURCE_NOT_FOUND, missing fields 400 INVALID_REQUEST, wrong states 422.
 * Control endpoints under /_stand-in/ simulate what only PayPal or the buyer does (approval, renewal, failure).
 */
export async function startPayPalStandIn(options: PayPalStandInOptions): Promise<PayPalStandIn> {
  const now = options.now ?? Date.now;
  const plans = options.plans ?? STAND_IN_PLANS;
  const state = new PayPalStandInState(plans, now);
  const tokens = new Map<string, number>();
  const deliveries: PayPalDelivery[] = [];
  const sender = new WebhookSender(options.webhookUrl);
  let baseUrl = '';

  const emit = async (events: StandInEvent[]): Promise<PayPalDelivery[]> => {
    const signed = events.map((event) =>
      signPayPalDelivery({
        body: paypalEventBody({ ...event, at: now() }),
        webhookId: options.webhookId,
        certUrl: baseUrl + CERT_PATH,
        transmissionTime: paypalTime(now()),
      }),
    );
    deliveries.push(...signed);
    for (const delivery of signed) sender.send(delivery);
    return signed;
  };

  const simulate = (action: SimulatedAction, id: string): Promise<PayPalDelivery[]> =>
    emit(
      action === 'approve'
        ? state.approve(id)
        : action === 'renew'
          ? state.renew(id)
          : action === 'fail-payment'
            ? state.failPayment(id)
            : action === 'expire'
              ? state.expire(id)
              : state.cancel(id, 'Cancelled by the buyer on PayPal'),
    );

  const authorised = (request: IncomingMessage): boolean => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const expiresAt = token ? tokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', baseUrl);
    const body = await readBody(request);
    const route = `${request.method} ${url.pathname}`;

    if (route === 'POST /v1/oauth2/token') {
      if (!clientCredentialsMatch(request.headers.authorization, options.clientId, options.clientSecret)) {
        return json(response, 401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
      }
      if (new URLSearchParams(body).get('grant_type') !== 'client_credentials') {
        return json(response, 400, { error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' });
      }
      const token = `A21AA${randomBytes(24).toString('base64url')}`;
      // Tokens live in wall-clock time, as the SDK counts their expiry; `now` moves only the billing clock.
      tokens.set(token, Date.now() + TOKEN_TTL_SECONDS * 1000);
      return json(response, 200, {
        scope: 'https://uri.paypal.com/services/subscriptions',
        access_token: token,
        token_type: 'Bearer',
        app_id: 'APP-80W284485P519543T',
        expires_in: TOKEN_TTL_SECONDS,
        nonce: `${paypalTime(now())}${randomBytes(8).toString('hex')}`,
      });
    }
    if (route === `GET ${CERT_PATH}`) {
      response.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(STAND_IN_SIGNING_CERT);
      return;
    }
    if (url.pathname === '/webapps/billing/subscriptions') return approvalPage(request, response, url, body);
    if (url.pathname.startsWith('/myaccount/autopay')) {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>PayPal stand-in: automatic payments</h1>');
      return;
    }
    const control = /^POST \/_stand-in\/subscriptions\/([^/]+)\/(approve|renew|fail-payment|expire|cancel)$/.exec(
      route,
    );
    if (control?.[1] && control[2]) {
      const sent = await simulate(control[2] as SimulatedAction, decodeURIComponent(control[1]));
      return json(response, 200, {
        subscription: state.get(decodeURIComponent(control[1])).resource,
        webhooks: sent.length,
      });
    }

    if (!url.pathname.startsWith('/v1/')) throw notFound();
    if (!authorised(request)) {
      return json(response, 401, {
        name: 'AUTHENTICATION_FAILURE',
        message: 'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
        links: [],
      });
    }
    const plan = /^GET \/v1\/billing\/plans\/([^/]+)$/.exec(route);
    if (plan?.[1]) return json(response, 200, planJson(findPlan(plans, plan[1])));
    if (route === 'POST /v1/billing/subscriptions') {
      const requestId = request.headers['paypal-request-id'];
      const { subscription, events } = state.create(
        parseJson(body),
        typeof requestId === 'string' ? requestId : undefined,
      );
      await emit(events);
      return json(response, 201, withLinks(subscription.resource, baseUrl, subscription.approvalToken));
    }
    const one = /^(GET|POST) \/v1\/billing\/subscriptions\/([^/]+)(?:\/(cancel|suspend|activate))?$/.exec(route);
    if (one?.[2] && one[1] === 'GET' && !one[3]) {
      const { resource, approvalToken } = state.get(decodeURIComponent(one[2]));
      const fields = (url.searchParams.get('fields') ?? '').split(',');
      return json(response, 200, withLinks(withoutUnaskedFields(resource, fields), baseUrl, approvalToken));
    }
    if (one?.[2] && one[1] === 'POST' && one[3]) {
      const id = decodeURIComponent(one[2]);
      const reason = (parseJson(body) as { reason?: unknown } | null)?.reason;
      if (one[3] !== 'activate' && (typeof reason !== 'string' || reason === '')) {
        throw new PayPalStandInError(
          400,
          'INVALID_REQUEST',
          'Request is not well-formed, syntactically incorrect, or violates schema.',
          [
            {
              field: '/reason',
              issue: 'MISSING_REQUIRED_PARAMETER',
              description: 'A required field / parameter is missing.',
            },
          ],
        );
      }
      const text = typeof reason === 'string' ? reason : undefined;
      await emit(
        one[3] === 'cancel'
          ? state.cancel(id, text ?? '')
          : one[3] === 'suspend'
            ? state.suspend(id, text ?? '')
            : state.activate(id, text),
      );
      response.writeHead(204).end();
      return;
    }
    throw notFound();
  };

  const approvalPage = (request: IncomingMessage, response: ServerResponse, url: URL, body: string): void => {
    const token = url.searchParams.get('ba_token') ?? '';
    const subscription = state.findByApprovalToken(token);
    if (!subscription) throw notFound();
    if (request.method === 'POST') {
      const decision = new URLSearchParams(body).get('decision');
      if (decision === 'approve') {
        void simulate('approve', subscription.resource.id);
        const back = new URL(subscription.returnUrl);
        back.searchParams.set('subscription_id', subscription.resource.id);
        back.searchParams.set('ba_token', token);
        back.searchParams.set('token', token.replace(/^BA-/, 'EC-'));
        response.writeHead(302, { location: back.href }).end();
        return;
      }
      response.writeHead(302, { location: subscription.cancelUrl }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><title>PayPal stand-in</title><h1>Subscribe to ${escapeHtml(findPlan(plans, subscription.resource.plan_id).name)}?</h1>
<form method="post"><button name="decision" value="approve">Agree &amp; Subscribe</button>
<button name="decision" value="cancel">Cancel and return</button></form>`,
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof PayPalStandInError) return json(response, error.status, error.body);
      json(response, 500, { name: 'INTERNAL_SERVER_ERROR', message: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  return {
    baseUrl,
    certUrl: baseUrl + CERT_PATH,
    plans,
    state,
    deliveries,
    simulate,
    close: async () => {
      await sender.drain();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function clientCredentialsMatch(header: string | undefined, clientId: string, clientSecret: string): boolean {
  const encoded = /^Basic (.+)$/.exec(header ?? '')?.[1];
  if (!encoded) return false;
  const given = Buffer.from(encoded, 'base64');
  const expected = Buffer.from(`${clientId}:${clientSecret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function findPlan(plans: StandInPlan[], id: string): StandInPlan {
  const plan = plans.find((candidate) => candidate.id === id);
  if (!plan) throw notFound();
  return plan;
}

/** The plan as GET /v1/billing/plans/{id} answers it. */
function planJson(plan: StandInPlan): object {
  const regular = {
    frequency: { interval_unit: plan.interval, interval_count: 1 },
    tenure_type: 'REGULAR',
    sequence: plan.trialDays ? 2 : 1,
    total_cycles: 0,
    pricing_scheme: { version: 1, fixed_price: { currency_code: plan.currency, value: plan.price } },
  };
  const trial = plan.trialDays
    ? [
        {
          frequency: { interval_unit: 'DAY', interval_count: plan.trialDays },
          tenure_type: 'TRIAL',
          sequence: 1,
          total_cycles: 1,
        },
      ]
    : [];
  return {
    id: plan.id,
    product_id: 'PROD-0STANDIN0TICKETFLOW0',
    name: plan.name,
    status: 'ACTIVE',
    usage_type: 'LICENSED',
    billing_cycles: [...trial, regular],
    payment_preferences: { auto_bill_outstanding: true, payment_failure_threshold: plan.paymentFailureThreshold },
    quantity_supported: false,
  };
}

/** PayPal leaves out billing_info.last_failed_payment unless `fields=last_failed_payment` asks for it. */
function withoutUnaskedFields(resource: PayPalSubscriptionJson, fields: string[]): PayPalSubscriptionJson {
  const copy = structuredClone(resource);
  if (!fields.includes('last_failed_payment') && copy.billing_info) delete copy.billing_info.last_failed_payment;
  return copy;
}

function withLinks(resource: { id: string; status: string }, baseUrl: string, approvalToken: string): object {
  const self = `${baseUrl}/v1/billing/subscriptions/${resource.id}`;
  const approve =
    resource.status === 'APPROVAL_PENDING'
      ? [{ href: `${baseUrl}/webapps/billing/subscriptions?ba_token=${approvalToken}`, rel: 'approve', method: 'GET' }]
      : [];
  return {
    ...resource,
    links: [...approve, { href: self, rel: 'edit', method: 'PATCH' }, { href: self, rel: 'self', method: 'GET' }],
  };
}

function notFound(): PayPalStandInError {
  return new PayPalStandInError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
    { issue: 'INVALID_RESOURCE_ID', description: 'Requested resource ID was not found.' },
  ]);
}

function parseJson(body: string): unknown {
  if (body === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    throw new PayPalStandInError(
      400,
      'INVALID_REQUEST',
      'Request is not well-formed, syntactically incorrect, or violates schema.',
      [{ issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.' }],
    );
  }
}

function json(response: ServerResponse, status: number, body: object): void {
  sendJson(response, status, body, { 'paypal-debug-id': randomBytes(7).toString('hex') });
}
