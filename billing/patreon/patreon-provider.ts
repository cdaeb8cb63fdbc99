import type { PatreonConfig } from '../../config/billing/patreon-config.ts';
import type { ProviderEvent, ProviderSubscription } from '../../domain/subscription.ts';
import type { BillingProvider, CheckoutRequest, CompletedCheckout, RedirectLink } from '../provider.ts';
import { findIncluded, PatreonClient, relatedIds } from './patreon-client.ts';
import { readPatreonLinkState, signPatreonLinkState } from './patreon-link-state.ts';
import { connectedDiscordUserId, normalisePatreonMember } from './patreon-member.ts';
import { verifyPatreonWebhook } from './patreon-webhook.ts';

/**
 * Which Discord user linked which Patreon account: written when a member comes back from Patreon's sign-in, read
 * whenever a member is fetched, since Patreon's member object knows nothing of Discord.
 */
export interface PatreonAccountLinks {
  /** Idempotent: linking the same pair again changes nothing; a new Discord user for the account replaces the old. */
  link(input: { patreonUserId: string; discordUserId: string }): Promise<void>;
  discordUserOf(patreonUserId: string): Promise<string | null>;
}

/** Patreon's API has no way to end a membership: only the member can, on patreon.com. */
export class PatreonCannotCancel extends Error {
  override name = 'PatreonCannotCancel';
}

/** A code exchanged recently, so a reload of the return page answers the same instead of a spent code's error. */
const COMPLETED_CHECKOUT_TTL_MS = 10 * 60_000;

/**
 * Patreon memberships as subscriptions: "checkout" links the member's Patreon account through OAuth (identity,
 * identity.memberships), the member id is the subscription id, the tier their pledge entitles them to is the plan,
 * and the entitlement is the linking Discord user's, to assign to guilds.
 */
export class PatreonProvider implements BillingProvider {
  readonly name = 'patreon' as const;
  readonly #config: PatreonConfig;
  readonly #client: PatreonClient;
  readonly #links: PatreonAccountLinks;
  readonly #now: () => number;
  readonly #completed = new Map<string, { checkout: CompletedCheckout | null; at: number }>();

  constructor(config: PatreonConfig, links: PatreonAccountLinks, options: { now?: () => number } = {}) {
    this.#config = config;
    this.#client = new PatreonClient(config);
    this.#links = links;
    this.#now = options.now ?? Date.now;
  }

  /** The plan asked for is not passed on: on Patreon the member picks (or has) a tier, which decides the plan. */
  async startCheckout(request: CheckoutRequest): Promise<RedirectLink> {
    const state = signPatreonLinkState(
      { userId: request.userId, redirectUri: request.returnUrl },
      this.#config.clientSecret,
      this.#now(),
    );
    return { url: this.#client.authorizeUrl({ redirectUri: request.returnUrl, state }) };
  }

  /**
   * The return from Patreon's sign-in (`code`, `state`; `error` when the member declined): links the account, and
   * answers the member's membership of this campaign, or null when they declined, the state is not ours or expired,
   * or they are not (yet) a patron, in which case the link stays and their first pledge's webhook finds it.
   */
  async completeCheckout(query: Record<string, string>): Promise<CompletedCheckout | null> {
    const { code, state } = query;
    if (!code || !state || query.error) return null;
    const link = readPatreonLinkState(state, this.#config.clientSecret, this.#now());
    if (!link) return null;
    this.#forgetOldCheckouts();
    const done = this.#completed.get(code);
    if (done) return done.checkout;
    const identity = await this.#client.identity(
      await this.#client.exchangeCode({ code, redirectUri: link.redirectUri }),
    );
    await this.#links.link({ patreonUserId: identity.data.id, discordUserId: link.userId });
    const membership = relatedIds(identity.data, 'memberships')
      .map((memberId) => findIncluded(identity, 'member', memberId))
      .find((member) => member && relatedIds(member, 'campaign')[0] === this.#config.campaignId);
    const checkout = membership?.attributes?.patron_status
      ? { checkoutId: membership.id, subscriptionId: membership.id, guildId: null }
      : null;
    this.#completed.set(code, { checkout, at: this.#now() });
    return checkout;
  }

  async manageLink(): Promise<RedirectLink> {
    return { url: `${this.#config.baseUrl}/settings/memberships` };
  }

  async cancel(input: { subscriptionId: string; atPeriodEnd: boolean }): Promise<void> {
    throw new PatreonCannotCancel(
      `Patreon membership ${input.subscriptionId} cannot be cancelled by Ticketflow: Patreon's API has no such call. ` +
        `The member cancels it on Patreon (${this.#config.baseUrl}/settings/memberships); an operator can revoke the ` +
        'entitlement instead.',
    );
  }

  /**
   * The member as the campaign's creator sees it. Null when Patreon has no such member in this campaign, or when
   * nobody linked the member's Patreon account to Discord (on our sign-in or in Patreon's own Discord connection):
   * there is no one to hold the plan until they do, and linking signals the subscription again.
   */
  async fetchSubscription(subscriptionId: string): Promise<ProviderSubscription | null> {
    const document = await this.#client.member(this.#config.creatorAccessToken, subscriptionId);
    if (!document || relatedIds(document.data, 'campaign')[0] !== this.#config.campaignId) return null;
    const patreonUserId = relatedIds(document.data, 'user')[0];
    const discordUserId =
      (patreonUserId ? await this.#links.discordUserOf(patreonUserId) : null) ?? connectedDiscordUserId(document);
    if (!discordUserId) return null;
    return normalisePatreonMember({ document, discordUserId, config: this.#config, now: this.#now() });
  }

  async verifyWebhook(input: {
    rawBody: Buffer;
    headers: Record<string, string | string[] | undefined>;
  }): Promise<ProviderEvent | null> {
    return verifyPatreonWebhook({ ...input, secret: this.#config.webhookSecret, now: this.#now() });
  }

  #forgetOldCheckouts(): void {
    const cutoff = this.#now() - COMPLETED_CHECKOUT_TTL_MS;
    for (const [code, { at }] of this.#completed) if (at < cutoff) this.#completed.delete(code);
  }
}
