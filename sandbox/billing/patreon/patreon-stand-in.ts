import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, readBody, sendJson } from '../stand-in-http.ts';
import { type WebhookDelivery, WebhookSender } from '../webhook-sender.ts';
import { EVERYTHING, JsonApiRenderer, readSelection } from './patreon-json-api.ts';
import {
  type MemberChange,
  PatreonStandInError,
  PatreonStandInState,
  randomToken,
  type StandInTier,
} from './patreon-stand-in-state.ts';
import { signPatreonDelivery } from './patreon-webhook-signing.ts';

export interface PatreonStandInOptions {
  clientId: string;
  clientSecret: string;
  /** Redirect URIs registered for the OAuth client; any other is refused, as Patreon does. */
  redirectUris: string[];
  creatorAccessToken: string;
  webhookSecret: string;
  /** Where webhooks are delivered (the panel's Patreon route); without one they are only kept in `deliveries`. */
  webhookUrl?: string;
  campaignId?: string;
  tiers?: StandInTier[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  now?: () => number;
}

export const STAND_IN_CAMPAIGN_ID = '9000001';
export const STAND_IN_TIERS: StandInTier[] = [
  { id: '9100001', title: 'Supporter', amountCents: 300 },
  { id: '9100002', title: 'Ticketflow Pro', amountCents: 900 },
  { id: '9100003', title: 'Ticketflow Enterprise', amountCents: 2900 },
];

/** A change to a member made as the patron or Patreon's billing would, through the control endpoints. */
export type MemberAction =
  | { kind: 'pledge'; patronId: string; tierId: string }
  | { kind: 'charge'; memberId: string; outcome: 'paid' | 'declined' }
  | { kind: 'change-tier'; memberId: string; tierId: string }
  | { kind: 'cancel'; memberId: string }
  | { kind: 'end-period'; memberId: string }
  | { kind: 'delete'; memberId: string };

export interface PatreonStandIn {
  /** What PATREON_BASE_URL is set to. */
  baseUrl: string;
  state: PatreonStandInState;
  /** Every webhook sent, signed, in order. */
  deliveries: WebhookDelivery[];
  /** Applies a member change and sends its webhooks; answers the member's id. */
  simulate(action: MemberAction): Promise<string>;
  close(): Promise<void>;
}

const TOKEN_TTL_SECONDS = 2_678_400;
const USER_SCOPES = new Set(['identity', 'identity.email', 'identity.memberships']);

interface Grant {
  patronId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
}

/**
 * A local Patreon for the demo and the tests: OAuth2 sign-in (/oauth2/authorize, /api/oauth2/token), API v2
 * (identity, members, campaign members) in JSON:API with sparse fields, and members:* webhooks signed with the
 * webhook secret. As strict as Patreon: registered redirect URIs only, single-use codes, bearer tokens on every API
 * call (the creator's for campaign data), unknown ids 404 in Patreon's error shape, unknown includes 400.
 */
export async function startPatreonStandIn(options: PatreonStandInOptions): Promise<PatreonStandIn> {
  const now = options.now ?? Date.now;
  const state = new PatreonStandInState({
    campaignId: options.campaignId ?? STAND_IN_CAMPAIGN_ID,
    tiers: options.tiers ?? STAND_IN_TIERS,
    now,
  });
  const codes = new Map<string, Grant>();
  const userTokens = new Map<string, { patronId: string; scopes: string[]; expiresAt: number }>();
  const deliveries: WebhookDelivery[] = [];
  const sender = new WebhookSender(options.webhookUrl);
  let baseUrl = '';

  const emit = (change: MemberChange): void => {
    for (const trigger of change.triggers) {
      const renderer = new JsonApiRenderer(state, EVERYTHING);
      const body = JSON.stringify(
        renderer.document(renderer.member(change.member), `${baseUrl}/api/oauth2/v2/members/${change.member.id}`),
      );
      const delivery = signPatreonDelivery({ trigger, body, secret: options.webhookSecret });
      deliveries.push(delivery);
      sender.send(delivery);
    }
  };

  const simulate = async (action: MemberAction): Promise<string> => {
    const change =
      action.kind === 'pledge'
        ? state.pledge(action.patronId, action.tierId)
        : action.kind === 'charge'
          ? state.charge(action.memberId, action.outcome)
          : action.kind === 'change-tier'
            ? state.changeTier(action.memberId, action.tierId)
            : action.kind === 'cancel'
              ? state.cancel(action.memberId)
              : action.kind === 'end-period'
                ? state.endPeriod(action.memberId)
                : state.remove(action.memberId);
    emit(change);
    return change.member.id;
  };

  const bearer = (
    request: IncomingMessage,
  ): { creator: true } | { creator: false; patronId: string; scopes: string[] } => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (token !== '' && sameText(token, options.creatorAccessToken)) return { creator: true };
    const user = userTokens.get(token);
    if (user && user.expiresAt > Date.now()) return { creator: false, patronId: user.patronId, scopes: user.scopes };
    throw new PatreonStandInError(
      401,
      'Unauthorized',
      'The server could not verify that you are authorized to access the URL requested.',
    );
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', baseUrl);
    const body = await readBody(request);
    const route = `${request.method} ${url.pathname}`;

    if (url.pathname === '/oauth2/authorize') return authorize(request, response, url, body);
    if (route === 'POST /api/oauth2/token') return sendJson(response, ...token(new URLSearchParams(body)));
    if (url.pathname.startsWith('/_stand-in/')) return control(route, response, body);
    if (url.pathname === '/settings/memberships') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Patreon stand-in: your memberships</h1>');
      return;
    }

    if (route === 'GET /api/oauth2/v2/identity') {
      const caller = bearer(request);
      if (caller.creator) throw new PatreonStandInError(403, 'Forbidden', 'The creator token has no identity here');
      const selection = readSelection(url.searchParams, [
        'memberships',
        'memberships.currently_entitled_tiers',
        'memberships.campaign',
        'memberships.user',
      ]);
      if (typeof selection === 'string') throw badInclude(selection);
      if (
        [...selection.include].some((path) => path.startsWith('memberships')) &&
        !caller.scopes.includes('identity.memberships')
      ) {
        throw new PatreonStandInError(403, 'Forbidden', 'memberships need the identity.memberships scope');
      }
      const renderer = new JsonApiRenderer(state, selection);
      const user = renderer.user(state.patron(caller.patronId));
      const member = state.memberOf(caller.patronId);
      if (
        selection.include.has('memberships') ||
        [...selection.include].some((path) => path.startsWith('memberships.'))
      ) {
        const memberships = member ? [renderer.member(member, 'memberships.')] : [];
        Object.assign(user, {
          relationships: { memberships: { data: memberships.map(({ type, id }) => ({ type, id })) } },
        });
        for (const resource of memberships) renderer.included.set(`member:${resource.id}`, resource);
      }
      return sendJson(response, 200, renderer.document(user, url.href));
    }
    const memberRoute = /^GET \/api\/oauth2\/v2\/members\/([^/]+)$/.exec(route);
    if (memberRoute?.[1]) {
      requireCreator(bearer(request));
      const selection = readSelection(url.searchParams, ['address', 'campaign', 'currently_entitled_tiers', 'user']);
      if (typeof selection === 'string') throw badInclude(selection);
      const renderer = new JsonApiRenderer(state, selection);
      return sendJson(
        response,
        200,
        renderer.document(renderer.member(state.member(decodeURIComponent(memberRoute[1]))), url.href),
      );
    }
    const campaignMembers = /^GET \/api\/oauth2\/v2\/campaigns\/([^/]+)\/members$/.exec(route);
    if (campaignMembers?.[1]) {
      requireCreator(bearer(request));
      if (campaignMembers[1] !== state.campaignId)
        throw new PatreonStandInError(404, 'ResourceMissing', 'No such campaign');
      const selection = readSelection(url.searchParams, ['address', 'campaign', 'currently_entitled_tiers', 'user']);
      if (typeof selection === 'string') throw badInclude(selection);
      const count = Math.min(Number(url.searchParams.get('page[count]') ?? 20) || 20, 1000);
      const all = [...state.members.values()];
      const start = Number(url.searchParams.get('page[cursor]') ?? 0) || 0;
      const renderer = new JsonApiRenderer(state, selection);
      const page = all.slice(start, start + count).map((member) => renderer.member(member));
      const next = start + count < all.length ? String(start + count) : null;
      return sendJson(response, 200, {
        ...renderer.document(page, url.href),
        meta: { pagination: { cursors: { next }, total: all.length } },
      });
    }
    throw new PatreonStandInError(404, 'ResourceMissing', `Nothing at ${url.pathname}`);
  };

  const authorize = (request: IncomingMessage, response: ServerResponse, url: URL, body: string): void => {
    const query = url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    if (
      query.get('response_type') !== 'code' ||
      query.get('client_id') !== options.clientId ||
      !options.redirectUris.includes(redirectUri)
    ) {
      response
        .writeHead(400, { 'content-type': 'text/html' })
        .end('<h1>Invalid OAuth request: unknown client or redirect URI</h1>');
      return;
    }
    if (request.method === 'POST') {
      const form = new URLSearchParams(body);
      const back = new URL(redirectUri);
      const patronId = form.get('patron_id');
      if (patronId && state.patrons.has(patronId)) {
        const code = randomToken();
        const scopes = (query.get('scope') ?? 'identity').split(/[ +]/).filter((scope) => USER_SCOPES.has(scope));
        codes.set(code, { patronId, redirectUri, scopes, expiresAt: Date.now() + 10 * 60_000 });
        back.searchParams.set('code', code);
      } else {
        back.searchParams.set('error', 'access_denied');
      }
      const returnedState = query.get('state');
      if (returnedState) back.searchParams.set('state', returnedState);
      response.writeHead(302, { location: back.href }).end();
      return;
    }
    const buttons = [...state.patrons.values()]
      .map(
        (patron) =>
          `<button name="patron_id" value="${escapeHtml(patron.id)}">Sign in as ${escapeHtml(patron.fullName)}</button>`,
      )
      .join('\n');
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><title>Patreon stand-in</title><h1>Allow Ticketflow to see your Patreon memberships?</h1>
<form method="post">${buttons}<button name="deny" value="1">Deny</button></form>`);
  };

  /** The token endpoint's answer: status and body. */
  const token = (form: URLSearchParams): [number, object] => {
    if (
      form.get('client_id') !== options.clientId ||
      !sameText(form.get('client_secret') ?? '', options.clientSecret)
    ) {
      return [401, { error: 'invalid_client' }];
    }
    if (form.get('grant_type') !== 'authorization_code') return [400, { error: 'unsupported_grant_type' }];
    const code = form.get('code') ?? '';
    const grant = codes.get(code);
    codes.delete(code);
    if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== form.get('redirect_uri')) {
      return [400, { error: 'invalid_grant' }];
    }
    const accessToken = randomToken();
    const expiresAt = Date.now() + TOKEN_TTL_SECONDS * 1000;
    userTokens.set(accessToken, { patronId: grant.patronId, scopes: grant.scopes, expiresAt });
    return [
      200,
      {
        access_token: accessToken,
        refresh_token: randomToken(),
        expires_in: TOKEN_TTL_SECONDS,
        scope: grant.scopes.join(' '),
        token_type: 'Bearer',
        version: '0.0.1',
      },
    ];
  };

  const control = async (route: string, response: ServerResponse, body: string): Promise<void> => {
    const input = (body ? JSON.parse(body) : {}) as Record<string, string>;
    if (route === 'POST /_stand-in/patrons') {
      const patron = state.addPatron({
        fullName: input.full_name ?? 'Stand-in Patron',
        discordUserId: input.discord_user_id,
      });
      return sendJson(response, 201, { id: patron.id });
    }
    if (route === 'POST /_stand-in/members') {
      const memberId = await simulate({ kind: 'pledge', patronId: input.patron_id ?? '', tierId: input.tier_id ?? '' });
      return sendJson(response, 201, { id: memberId });
    }
    const action = /^(POST|DELETE) \/_stand-in\/members\/([^/]+)(?:\/(charge|tier|cancel|end-period))?$/.exec(route);
    const memberId = decodeURIComponent(action?.[2] ?? '');
    if (action?.[1] === 'DELETE' && !action[3]) await simulate({ kind: 'delete', memberId });
    else if (action?.[3] === 'charge')
      await simulate({ kind: 'charge', memberId, outcome: input.outcome === 'declined' ? 'declined' : 'paid' });
    else if (action?.[3] === 'tier') await simulate({ kind: 'change-tier', memberId, tierId: input.tier_id ?? '' });
    else if (action?.[3] === 'cancel') await simulate({ kind: 'cancel', memberId });
    else if (action?.[3] === 'end-period') await simulate({ kind: 'end-period', memberId });
    else throw new PatreonStandInError(404, 'ResourceMissing', `No control at ${route}`);
    sendJson(response, 200, { id: memberId });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof PatreonStandInError) return sendJson(response, error.status, error.body);
      sendJson(response, 500, { errors: [{ status: '500', code_name: 'InternalError', detail: String(error) }] });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
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

function requireCreator(caller: { creator: boolean }): void {
  if (!caller.creator)
    throw new PatreonStandInError(403, 'Forbidden', "Only the campaign's creator can read its members");
}

function badInclude(path: string): PatreonStandInError {
  return new PatreonStandInError(400, 'ParameterInvalidOnType', `include "${path}" is not a relationship here`);
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
