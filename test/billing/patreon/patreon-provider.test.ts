import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBillingProviders } from '../../../billing/index.ts';
import {
  type PatreonAccountLinks,
  PatreonCannotCancel,
  PatreonProvider,
} from '../../../billing/patreon/patreon-provider.ts';
import { loadPatreonConfig, type PatreonConfig } from '../../../config/billing/patreon-config.ts';
import { type PatreonStandIn, startPatreonStandIn } from '../../../sandbox/billing/patreon/patreon-stand-in.ts';

const RETURN_URL = 'http://panel.test/billing/return/patreon';
const DISCORD_USER = '333333333333333333';
const OTHER_DISCORD_USER = '444444444444444444';
const DAY = 86_400_000;
const SUPPORTER_TIER = '9100001';
const ENTERPRISE_TIER = '9100003';
const PRO_TIER = '9100002';

/** The account links as a map: their table belongs to the store, and here only the provider's use of them matters. */
class LinksInMemory implements PatreonAccountLinks {
  readonly byPatreonUser = new Map<string, string>();
  async link(input: { patreonUserId: string; discordUserId: string }): Promise<void> {
    this.byPatreonUser.set(input.patreonUserId, input.discordUserId);
  }
  async discordUserOf(patreonUserId: string): Promise<string | null> {
    return this.byPatreonUser.get(patreonUserId) ?? null;
  }
}

describe('Patreon provider against the Patreon stand-in', () => {
  let clock = Date.now();
  let standIn: PatreonStandIn;
  let config: PatreonConfig;
  let links: LinksInMemory;
  let patreon: PatreonProvider;

  beforeAll(async () => {
    standIn = await startPatreonStandIn({
      clientId: 'stand-in-client',
      clientSecret: 'stand-in-client-secret',
      redirectUris: [RETURN_URL],
      creatorAccessToken: 'creator-token-do-not-log',
      webhookSecret: 'webhook-secret',
      now: () => clock,
    });
    config = patreonConfigFor(standIn);
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    clock = Date.parse('2026-12-01T12:00:00Z');
    links = new LinksInMemory();
    patreon = new PatreonProvider(config, links, { now: () => clock });
  });

  /** The patron signs in on the stand-in's consent page; answers the query Patreon sent them back with. */
  async function signIn(patronId: string, userId = DISCORD_USER): Promise<Record<string, string>> {
    const { url } = await patreon.startCheckout({
      plan: 'pro',
      guildId: null,
      userId,
      returnUrl: RETURN_URL,
      cancelUrl: RETURN_URL,
    });
    expect((await fetch(url)).status).toBe(200);
    const consent = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({ patron_id: patronId }),
      redirect: 'manual',
    });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(RETURN_URL);
    return Object.fromEntries(back.searchParams);
  }

  async function pledgedPatron(tierId = PRO_TIER): Promise<{ patronId: string; memberId: string }> {
    const patronId = standIn.state.addPatron({ fullName: 'Pat Ron' }).id;
    const memberId = await standIn.simulate({ kind: 'pledge', patronId, tierId });
    return { patronId, memberId };
  }

  it('sends the member to Patreon OAuth with the identity scopes and a signed state', async () => {
    const { url } = await patreon.startCheckout({
      plan: 'pro',
      guildId: null,
      userId: DISCORD_USER,
      returnUrl: RETURN_URL,
      cancelUrl: RETURN_URL,
    });
    const authorize = new URL(url);
    expect(authorize.origin + authorize.pathname).toBe(`${standIn.baseUrl}/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'stand-in-client',
      redirect_uri: RETURN_URL,
      scope: 'identity identity.memberships',
      state: expect.stringMatching(/^[\w-]+\.[\w-]+$/),
    });
  });

  it("links a patron, finds their membership, and reads it as the Discord user's entitlement", async () => {
    const { patronId, memberId } = await pledgedPatron();
    const returned = await signIn(patronId);
    expect(await patreon.completeCheckout(returned)).toEqual({
      checkoutId: memberId,
      subscriptionId: memberId,
      guildId: null,
    });
    // A reload of the return page: the code is spent at Patreon, the answer is the same.
    expect(await patreon.completeCheckout(returned)).toEqual({
      checkoutId: memberId,
      subscriptionId: memberId,
      guildId: null,
    });
    expect(links.byPatreonUser.get(patronId)).toBe(DISCORD_USER);
    expect(await patreon.fetchSubscription(memberId)).toEqual({
      provider: 'patreon',
      subscriptionId: memberId,
      customerId: patronId,
      holder: { kind: 'user', userId: DISCORD_USER },
      plan: 'pro',
      status: 'active',
      currentPeriodStart: clock,
      currentPeriodEnd: Date.parse('2027-01-01T12:00:00Z'),
      trialEnd: null,
      paymentFailedAt: null,
      endedAt: null,
      price: { amountMinor: 900, currency: 'USD', interval: 'month' },
    });
  });

  it('a member who links before pledging is found when the pledge comes', async () => {
    const patronId = standIn.state.addPatron({ fullName: 'Early Linker' }).id;
    expect(await patreon.completeCheckout(await signIn(patronId))).toBeNull();
    const memberId = await standIn.simulate({ kind: 'pledge', patronId, tierId: ENTERPRISE_TIER });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({
      holder: { kind: 'user', userId: DISCORD_USER },
      plan: 'enterprise',
      price: { amountMinor: 2900 },
    });
  });

  it("falls back to the Discord account connected on Patreon; nobody's member holds nothing", async () => {
    const connected = standIn.state.addPatron({ fullName: 'Connected', discordUserId: OTHER_DISCORD_USER }).id;
    const memberId = await standIn.simulate({ kind: 'pledge', patronId: connected, tierId: PRO_TIER });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({
      holder: { kind: 'user', userId: OTHER_DISCORD_USER },
    });
    const { memberId: unlinked } = await pledgedPatron();
    expect(await patreon.fetchSubscription(unlinked)).toBeNull();
    expect(await patreon.fetchSubscription('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('declined is past due from the charge, paid again is active, tiers decide the plan', async () => {
    const { patronId, memberId } = await pledgedPatron();
    await links.link({ patreonUserId: patronId, discordUserId: DISCORD_USER });
    clock += 31 * DAY;
    await standIn.simulate({ kind: 'charge', memberId, outcome: 'declined' });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({ status: 'past_due', paymentFailedAt: clock });
    clock += 2 * DAY;
    await standIn.simulate({ kind: 'charge', memberId, outcome: 'paid' });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({
      status: 'active',
      paymentFailedAt: null,
      currentPeriodStart: clock,
    });
    await standIn.simulate({ kind: 'change-tier', memberId, tierId: ENTERPRISE_TIER });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({ plan: 'enterprise' });
    await standIn.simulate({ kind: 'change-tier', memberId, tierId: SUPPORTER_TIER });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({ plan: 'free', status: 'active' });
  });

  it('a cancelled pledge grants to the end of the paid month, then has ended', async () => {
    const { patronId, memberId } = await pledgedPatron();
    await links.link({ patreonUserId: patronId, discordUserId: DISCORD_USER });
    const paidThrough = Date.parse('2027-01-01T12:00:00Z');
    clock += 10 * DAY;
    await standIn.simulate({ kind: 'cancel', memberId });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({
      status: 'canceled_at_period_end',
      plan: 'pro',
      currentPeriodEnd: paidThrough,
    });
    clock = paidThrough + DAY;
    await standIn.simulate({ kind: 'end-period', memberId });
    expect(await patreon.fetchSubscription(memberId)).toMatchObject({ status: 'ended', endedAt: paidThrough });
    await standIn.simulate({ kind: 'delete', memberId });
    expect(await patreon.fetchSubscription(memberId)).toBeNull();
  });

  it('is built by createBillingProviders only with somewhere to record account links', () => {
    expect(() => createBillingProviders({ stripe: null, paypal: null, patreon: config })).toThrow(
      'PatreonAccountLinks',
    );
    const providers = createBillingProviders(
      { stripe: null, paypal: null, patreon: config },
      { patreonAccountLinks: links },
    );
    expect(Object.keys(providers)).toEqual(['patreon']);
    expect(providers.patreon).toBeInstanceOf(PatreonProvider);
  });

  it('cannot cancel: the member does that on Patreon', async () => {
    const error = await patreon.cancel({ subscriptionId: 'm-1', atPeriodEnd: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PatreonCannotCancel);
    expect((error as Error).message).toContain('The member cancels it on Patreon');
    expect(await patreon.manageLink()).toEqual({ url: `${standIn.baseUrl}/settings/memberships` });
  });

  it('a declined consent, a forged or expired state, and a spent code link nothing', async () => {
    const { patronId } = await pledgedPatron();
    const returned = await signIn(patronId);
    expect(await patreon.completeCheckout({ ...returned, state: `${returned.state}x` })).toBeNull();
    const later = new PatreonProvider(config, links, { now: () => clock + 16 * 60_000 });
    expect(await later.completeCheckout(returned)).toBeNull();
    expect(await patreon.completeCheckout({ error: 'access_denied', state: returned.state ?? '' })).toBeNull();
    expect(links.byPatreonUser.size).toBe(0);
    await patreon.completeCheckout(returned);
    const another = new PatreonProvider(config, links, { now: () => clock });
    await expect(another.completeCheckout(returned)).rejects.toThrow(
      'Patreon refused to exchange an authorization code: 400 invalid_grant',
    );
  });
});

describe('the Patreon stand-in is as strict as Patreon', () => {
  let standIn: PatreonStandIn;
  beforeAll(async () => {
    standIn = await startPatreonStandIn({
      clientId: 'c',
      clientSecret: 's',
      redirectUris: [RETURN_URL],
      creatorAccessToken: 'creator',
      webhookSecret: 'w',
    });
  });
  afterAll(() => standIn.close());

  it('refuses unregistered redirects, missing or wrong tokens, user tokens on campaign data, unknown includes', async () => {
    const authorize = `${standIn.baseUrl}/oauth2/authorize?response_type=code&client_id=c&redirect_uri=${encodeURIComponent('http://evil.test/cb')}`;
    expect((await fetch(authorize)).status).toBe(400);
    const members = `${standIn.baseUrl}/api/oauth2/v2/campaigns/9000001/members`;
    expect((await fetch(members)).status).toBe(401);
    expect(await (await fetch(members, { headers: { authorization: 'Bearer wrong' } })).json()).toMatchObject({
      errors: [{ code_name: 'Unauthorized', status: '401' }],
    });
    const creator = { authorization: 'Bearer creator' };
    expect((await fetch(`${members}?include=pledges`, { headers: creator })).status).toBe(400);
    expect((await fetch(`${standIn.baseUrl}/api/oauth2/v2/members/nope`, { headers: creator })).status).toBe(404);
    const token = await fetch(`${standIn.baseUrl}/api/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'never-issued',
        client_id: 'c',
        client_secret: 's',
        redirect_uri: RETURN_URL,
      }),
    });
    expect([token.status, await token.json()]).toEqual([400, { error: 'invalid_grant' }]);
  });

  it('answers only the fields asked for, and pages campaign members', async () => {
    const patronId = standIn.state.addPatron({ fullName: 'Paged' }).id;
    await standIn.simulate({ kind: 'pledge', patronId, tierId: PRO_TIER });
    const page = (await (
      await fetch(
        `${standIn.baseUrl}/api/oauth2/v2/campaigns/9000001/members?fields[member]=patron_status&page[count]=1`,
        {
          headers: { authorization: 'Bearer creator' },
        },
      )
    ).json()) as { data: { attributes: object }[]; meta: unknown };
    expect(page.data[0]?.attributes).toEqual({ patron_status: 'active_patron' });
    expect(page.meta).toEqual({ pagination: { cursors: { next: null }, total: 1 } });
  });
});

describe('Patreon configuration', () => {
  it('is off without credentials, and names what half a configuration lacks without echoing a value', () => {
    expect(loadPatreonConfig({})).toBeNull();
    let message = '';
    try {
      loadPatreonConfig({ PATREON_CLIENT_ID: 'id', PATREON_CLIENT_SECRET: 'hunter2-secret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'PATREON_CREATOR_ACCESS_TOKEN, PATREON_CAMPAIGN_ID, PATREON_WEBHOOK_SECRET, PATREON_TIER_PRO or PATREON_TIER_ENTERPRISE',
    );
    expect(message).not.toContain('hunter2');
    expect(() => loadPatreonConfig({ PATREON_TIER_PRO: 'pro' })).toThrow('PATREON_TIER_PRO: must be a numeric tier id');
  });
});

function patreonConfigFor(standIn: PatreonStandIn): PatreonConfig {
  const config = loadPatreonConfig({
    PATREON_CLIENT_ID: 'stand-in-client',
    PATREON_CLIENT_SECRET: 'stand-in-client-secret',
    PATREON_CREATOR_ACCESS_TOKEN: 'creator-token-do-not-log',
    PATREON_CAMPAIGN_ID: '9000001',
    PATREON_WEBHOOK_SECRET: 'webhook-secret',
    PATREON_TIER_PRO: PRO_TIER,
    PATREON_TIER_ENTERPRISE: ENTERPRISE_TIER,
    PATREON_BASE_URL: standIn.baseUrl,
  });
  if (!config) throw new Error('Patreon configuration expected');
  return config;
}
