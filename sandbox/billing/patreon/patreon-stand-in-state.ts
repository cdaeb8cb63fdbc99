import { randomBytes, randomUUID } from 'node:crypto';
import { patreonTime } from './patreon-webhook-signing.ts';

export interface StandInTier {
  id: string;
  title: string;
  amountCents: number;
}

export interface StandInPatron {
  id: string;
  fullName: string;
  /** Set when the patron connected Discord on Patreon itself (social_connections.discord). */
  discordUserId: string | null;
}

export interface StandInMember {
  id: string;
  patronId: string;
  tierIds: string[];
  patronStatus: 'active_patron' | 'declined_patron' | 'former_patron';
  lastChargeStatus: 'Paid' | 'Declined' | null;
  lastChargeDate: number | null;
  nextChargeDate: number | null;
  pledgeStart: number;
  amountCents: number;
}

/** A member change and the webhook triggers Patreon fires for it, in order. */
export interface MemberChange {
  member: StandInMember;
  triggers: string[];
}

/** Patreon's JSON:API error, with its HTTP status. */
export class PatreonStandInError extends Error {
  readonly status: number;
  readonly body: object;

  constructor(status: number, codeName: string, detail: string, body?: object) {
    super(detail);
    this.status = status;
    this.body = body ?? {
      errors: [
        { code: status, code_name: codeName, detail, id: randomUUID(), status: String(status), title: codeName },
      ],
    };
  }
}

/**
 * One creator's campaign on Patreon: its tiers, patrons (Patreon users) and members, and how memberships move:
 * a pledge, monthly charges paid or declined, a tier change, a cancellation that keeps the tier until the paid month
 * ends, and deletion. Every change names the webhook triggers Patreon fires for it.
 */
export class PatreonStandInState {
  readonly campaignId: string;
  readonly tiers: StandInTier[];
  readonly patrons = new Map<string, StandInPatron>();
  readonly members = new Map<string, StandInMember>();
  readonly #now: () => number;
  #nextUserId = 70_000_001;

  constructor(input: { campaignId: string; tiers: StandInTier[]; now: () => number }) {
    this.campaignId = input.campaignId;
    this.tiers = input.tiers;
    this.#now = input.now;
  }

  addPatron(input: { fullName: string; discordUserId?: string | null }): StandInPatron {
    const patron = {
      id: String(this.#nextUserId++),
      fullName: input.fullName,
      discordUserId: input.discordUserId ?? null,
    };
    this.patrons.set(patron.id, patron);
    return patron;
  }

  patron(id: string): StandInPatron {
    const patron = this.patrons.get(id);
    if (!patron) throw missing('user', id);
    return patron;
  }

  member(id: string): StandInMember {
    const member = this.members.get(id);
    if (!member) throw missing('member', id);
    return member;
  }

  memberOf(patronId: string): StandInMember | undefined {
    return [...this.members.values()].find((member) => member.patronId === patronId);
  }

  tier(id: string): StandInTier {
    const tier = this.tiers.find((candidate) => candidate.id === id);
    if (!tier) throw missing('tier', id);
    return tier;
  }

  /** The patron pledges to a tier and is charged at once; a former member pledging again keeps their member id. */
  pledge(patronId: string, tierId: string): MemberChange {
    this.patron(patronId);
    const tier = this.tier(tierId);
    const at = this.#now();
    const existing = this.memberOf(patronId);
    if (existing && existing.patronStatus !== 'former_patron') {
      throw new PatreonStandInError(409, 'Conflict', `patron ${patronId} already pledges; change their tier instead`);
    }
    const member: StandInMember = existing ?? {
      id: randomUUID(),
      patronId,
      tierIds: [],
      patronStatus: 'active_patron',
      lastChargeStatus: null,
      lastChargeDate: null,
      nextChargeDate: null,
      pledgeStart: at,
      amountCents: 0,
    };
    Object.assign(member, {
      tierIds: [tier.id],
      patronStatus: 'active_patron',
      lastChargeStatus: 'Paid',
      lastChargeDate: at,
      nextChargeDate: addMonth(at),
      amountCents: tier.amountCents,
    });
    this.members.set(member.id, member);
    return {
      member,
      triggers: existing ? ['members:pledge:create', 'members:update'] : ['members:create', 'members:pledge:create'],
    };
  }

  /** The monthly charge: paid moves the period on, declined leaves the member declined (and past due). */
  charge(memberId: string, outcome: 'paid' | 'declined'): MemberChange {
    const member = this.member(memberId);
    if (member.patronStatus === 'former_patron')
      throw new PatreonStandInError(409, 'Conflict', `member ${memberId} no longer pledges`);
    const at = this.#now();
    member.lastChargeDate = at;
    if (outcome === 'paid') {
      member.patronStatus = 'active_patron';
      member.lastChargeStatus = 'Paid';
      member.nextChargeDate = addMonth(at);
    } else {
      member.patronStatus = 'declined_patron';
      member.lastChargeStatus = 'Declined';
    }
    return { member, triggers: ['members:update'] };
  }

  changeTier(memberId: string, tierId: string): MemberChange {
    const member = this.member(memberId);
    const tier = this.tier(tierId);
    if (member.patronStatus !== 'active_patron')
      throw new PatreonStandInError(409, 'Conflict', `member ${memberId} is not an active patron`);
    member.tierIds = [tier.id];
    member.amountCents = tier.amountCents;
    return { member, triggers: ['members:pledge:update', 'members:update'] };
  }

  /** The member cancels on Patreon: no more charges, the tier stays until the paid month ends. */
  cancel(memberId: string): MemberChange {
    const member = this.member(memberId);
    if (member.patronStatus === 'former_patron') return { member, triggers: [] };
    member.patronStatus = 'former_patron';
    return { member, triggers: ['members:pledge:delete', 'members:update'] };
  }

  /** The paid month of a cancelled member ran out: the tier goes. */
  endPeriod(memberId: string): MemberChange {
    const member = this.member(memberId);
    if (member.patronStatus !== 'former_patron')
      throw new PatreonStandInError(409, 'Conflict', `member ${memberId} still pledges`);
    member.tierIds = [];
    member.amountCents = 0;
    return { member, triggers: ['members:update'] };
  }

  remove(memberId: string): MemberChange {
    const member = this.member(memberId);
    this.members.delete(memberId);
    return { member, triggers: ['members:delete'] };
  }

  /** Every attribute of a member, as webhooks carry them and as `fields[member]` selects from. */
  memberAttributes(member: StandInMember): Record<string, unknown> {
    const patron = this.patron(member.patronId);
    return {
      campaign_lifetime_support_cents: member.lastChargeStatus === 'Paid' ? member.amountCents : 0,
      currently_entitled_amount_cents: member.amountCents,
      email: `${patron.id}@patrons.stand-in.example`,
      full_name: patron.fullName,
      is_follower: false,
      last_charge_date: member.lastChargeDate === null ? null : patreonTime(member.lastChargeDate),
      last_charge_status: member.lastChargeStatus,
      lifetime_support_cents: member.amountCents,
      next_charge_date: member.nextChargeDate === null ? null : patreonTime(member.nextChargeDate),
      note: '',
      patron_status: member.patronStatus,
      pledge_cadence: 1,
      pledge_relationship_start: patreonTime(member.pledgeStart),
      will_pay_amount_cents: member.patronStatus === 'former_patron' ? 0 : member.amountCents,
    };
  }

  userAttributes(patron: StandInPatron): Record<string, unknown> {
    return {
      full_name: patron.fullName,
      email: `${patron.id}@patrons.stand-in.example`,
      url: `https://www.patreon.com/user?u=${patron.id}`,
      social_connections: {
        discord: patron.discordUserId ? { user_id: patron.discordUserId, url: null, scopes: ['guilds'] } : null,
      },
    };
  }
}

function missing(type: string, id: string): PatreonStandInError {
  return new PatreonStandInError(404, 'ResourceMissing', `The ${type} ${id} does not exist or is not yours`);
}

function addMonth(at: number): number {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.getTime();
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}
