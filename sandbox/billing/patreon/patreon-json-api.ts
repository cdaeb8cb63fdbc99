import type { PatreonStandInState, StandInMember, StandInPatron, StandInTier } from './patreon-stand-in-state.ts';

/** What a request asked for: `include` paths and sparse `fields[type]`. Patreon v2 returns only fields asked for. */
export interface Selection {
  include: Set<string>;
  fields: Map<string, Set<string>>;
}

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string } | { type: string; id: string }[] | null }>;
}

/** Every attribute, for webhook bodies (which carry the whole member). */
export const EVERYTHING: Selection = { include: new Set(), fields: new Map() };

export function readSelection(query: URLSearchParams, allowedIncludes: string[]): Selection | string {
  const include = new Set((query.get('include') ?? '').split(',').filter(Boolean));
  const unknown = [...include].find((path) => !allowedIncludes.includes(path));
  if (unknown) return unknown;
  const fields = new Map<string, Set<string>>();
  for (const [key, value] of query) {
    const type = /^fields\[(\w+)\]$/.exec(key)?.[1];
    if (type) fields.set(type, new Set(value.split(',').filter(Boolean)));
  }
  return { include, fields };
}

/** Renders members, users, tiers and the campaign under one selection, collecting `included` as it goes. */
export class JsonApiRenderer {
  readonly #state: PatreonStandInState;
  readonly #selection: Selection;
  readonly #everything: boolean;
  readonly included = new Map<string, Resource>();

  constructor(state: PatreonStandInState, selection: Selection) {
    this.#state = state;
    this.#selection = selection;
    this.#everything = selection === EVERYTHING;
  }

  /** A member; `prefix` is its path in `include` (`memberships.` under the identity). */
  member(member: StandInMember, prefix = ''): Resource {
    const resource: Resource = {
      type: 'member',
      id: member.id,
      attributes: this.#attributes('member', this.#state.memberAttributes(member)),
      relationships: {},
    };
    const relationships = resource.relationships ?? {};
    if (this.#includes(`${prefix}currently_entitled_tiers`)) {
      relationships.currently_entitled_tiers = { data: member.tierIds.map((id) => ({ type: 'tier', id })) };
      for (const id of member.tierIds) this.#include(this.tier(this.#state.tier(id)));
    }
    if (this.#includes(`${prefix}user`)) {
      relationships.user = { data: { type: 'user', id: member.patronId } };
      this.#include(this.user(this.#state.patron(member.patronId)));
    }
    if (this.#includes(`${prefix}campaign`)) {
      relationships.campaign = { data: { type: 'campaign', id: this.#state.campaignId } };
      this.#include(this.campaign());
    }
    return resource;
  }

  user(patron: StandInPatron): Resource {
    return { type: 'user', id: patron.id, attributes: this.#attributes('user', this.#state.userAttributes(patron)) };
  }

  tier(tier: StandInTier): Resource {
    return {
      type: 'tier',
      id: tier.id,
      attributes: this.#attributes('tier', { title: tier.title, amount_cents: tier.amountCents, published: true }),
    };
  }

  campaign(): Resource {
    return {
      type: 'campaign',
      id: this.#state.campaignId,
      attributes: this.#attributes('campaign', { creation_name: 'Ticketflow', is_monthly: true, currency: 'USD' }),
    };
  }

  document(data: Resource | Resource[], self: string): object {
    return { data, ...(this.included.size > 0 ? { included: [...this.included.values()] } : {}), links: { self } };
  }

  #includes(path: string): boolean {
    return this.#everything || this.#selection.include.has(path);
  }

  #include(resource: Resource): void {
    this.included.set(`${resource.type}:${resource.id}`, resource);
  }

  #attributes(type: string, all: Record<string, unknown>): Record<string, unknown> {
    if (this.#everything) return all;
    const wanted = this.#selection.fields.get(type) ?? new Set<string>();
    return Object.fromEntries(Object.entries(all).filter(([name]) => wanted.has(name)));
  }
}
