import type { PatreonConfig } from '../../config/billing/patreon-config.ts';

/** A JSON:API resource as Patreon's v2 API returns it. */
export interface JsonApiResource {
  type: string;
  id: string;
  attributes?: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string } | { type: string; id: string }[] | null }>;
}

export interface JsonApiDocument {
  data: JsonApiResource;
  included?: JsonApiResource[];
}

/** The member fields a subscription is read from; Patreon v2 returns only the fields asked for. */
export const MEMBER_FIELDS = [
  'patron_status',
  'last_charge_status',
  'last_charge_date',
  'next_charge_date',
  'currently_entitled_amount_cents',
  'pledge_relationship_start',
  'pledge_cadence',
].join(',');

const REQUEST_TIMEOUT_MS = 15_000;

/** Patreon's refusal, with no token in it: only the status and what Patreon said. */
export class PatreonApiError extends Error {
  override name = 'PatreonApiError';
  readonly status: number;
  /** Patreon's error code name (ResourceMissing, Unauthorized…) or OAuth error (invalid_grant…). */
  readonly code: string | null;

  constructor(action: string, status: number, code: string | null) {
    super(`Patreon refused to ${action}: ${status}${code ? ` ${code}` : ''}`);
    this.status = status;
    this.code = code;
  }
}

/**
 * A thin client for Patreon's OAuth and API v2 (the `patreon` npm package targets v1 and is unmaintained): every
 * request goes to the configured base URL, patreon.com or its local stand-in.
 */
export class PatreonClient {
  readonly #config: Pick<PatreonConfig, 'baseUrl' | 'clientId' | 'clientSecret'>;

  constructor(config: Pick<PatreonConfig, 'baseUrl' | 'clientId' | 'clientSecret'>) {
    this.#config = config;
  }

  /** Where a member signs in to Patreon and lets Ticketflow read who they are and what they pledge. */
  authorizeUrl(input: { redirectUri: string; state: string }): string {
    const url = new URL('/oauth2/authorize', this.#config.baseUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.#config.clientId,
      redirect_uri: input.redirectUri,
      scope: 'identity identity.memberships',
      state: input.state,
    }).toString();
    return url.href;
  }

  /** Trades the authorization code for the member's access token (single use; form-encoded, as Patreon wants). */
  async exchangeCode(input: { code: string; redirectUri: string }): Promise<string> {
    const response = await fetch(new URL('/api/oauth2/token', this.#config.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: input.code,
        client_id: this.#config.clientId,
        client_secret: this.#config.clientSecret,
        redirect_uri: input.redirectUri,
      }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await readJson(response, 'exchange an authorization code')) as { access_token?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('Patreon answered the code exchange without a token');
    return body.access_token;
  }

  /** The signed-in user with their memberships, each with its campaign and entitled tiers. */
  identity(accessToken: string): Promise<JsonApiDocument> {
    return this.#get(accessToken, '/api/oauth2/v2/identity', {
      include: 'memberships.currently_entitled_tiers,memberships.campaign',
      'fields[member]': MEMBER_FIELDS,
    });
  }

  /** One member of a campaign, read with the creator's token; null when Patreon has no such member. */
  async member(creatorAccessToken: string, memberId: string): Promise<JsonApiDocument | null> {
    try {
      return await this.#get(creatorAccessToken, `/api/oauth2/v2/members/${encodeURIComponent(memberId)}`, {
        include: 'currently_entitled_tiers,user,campaign',
        'fields[member]': MEMBER_FIELDS,
        'fields[user]': 'social_connections',
      });
    } catch (error) {
      if (error instanceof PatreonApiError && error.status === 404) return null;
      throw error;
    }
  }

  async #get(accessToken: string, path: string, query: Record<string, string>): Promise<JsonApiDocument> {
    const url = new URL(path, this.#config.baseUrl);
    url.search = new URLSearchParams(query).toString();
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.api+json' },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await readJson(response, `read ${path}`)) as Partial<JsonApiDocument>;
    if (!body.data || typeof body.data.id !== 'string') throw new Error(`Patreon answered ${path} without data`);
    return body as JsonApiDocument;
  }
}

async function readJson(response: Response, action: string): Promise<unknown> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.ok) throw new Error(`Patreon answered ${action} with something other than JSON`);
  }
  if (response.ok) return body;
  const error = body as { error?: unknown; errors?: { code_name?: unknown }[] } | null;
  const code = error?.errors?.[0]?.code_name ?? error?.error;
  throw new PatreonApiError(action, response.status, typeof code === 'string' ? code : null);
}

/** The included resource a relationship points at. */
export function findIncluded(document: JsonApiDocument, type: string, id: string): JsonApiResource | undefined {
  return document.included?.find((resource) => resource.type === type && resource.id === id);
}

/** The ids a to-many (or to-one) relationship lists. */
export function relatedIds(resource: JsonApiResource, relationship: string): string[] {
  const data = resource.relationships?.[relationship]?.data;
  if (!data) return [];
  return (Array.isArray(data) ? data : [data]).map((reference) => reference.id);
}
