import { randomBytes } from 'node:crypto';
import { paypalTime } from './paypal-webhook-signing.ts';

/** A billing plan the stand-in sells, as PayPal's dashboard would have it. */
export interface StandInPlan {
  id: string;
  name: string;
  /** Decimal string, as PayPal writes money. */
  price: string;
  currency: string;
  interval: 'MONTH' | 'YEAR';
  trialDays?: number;
  /** Failed payments in a row after which PayPal suspends the subscription. */
  paymentFailureThreshold: number;
}

export const STAND_IN_PLANS: StandInPlan[] = [
  {
    id: 'P-0STANDIN0PRO0MONTHLY0000',
    name: 'Ticketflow Pro',
    price: '9.00',
    currency: 'USD',
    interval: 'MONTH',
    paymentFailureThreshold: 3,
  },
  {
    id: 'P-0STANDIN0ENTERPRISE00000',
    name: 'Ticketflow Enterprise',
    price: '29.00',
    currency: 'USD',
    interval: 'MONTH',
    paymentFailureThreshold: 3,
  },
];

/** A subscription in PayPal's own JSON (snake_case), with what the approval flow needs beside it. */
export interface StandInSubscription {
  resource: PayPalSubscriptionJson;
  returnUrl: string;
  cancelUrl: string;
  approvalToken: string;
}

export interface PayPalSubscriptionJson {
  id: string;
  plan_id: string;
  status: 'APPROVAL_PENDING' | 'APPROVED' | 'ACTIVE' | 'SUSPENDED' | 'CANCELLED' | 'EXPIRED';
  status_update_time: string;
  status_change_note?: string;
  start_time: string;
  quantity: string;
  custom_id?: string;
  plan_overridden: boolean;
  create_time: string;
  update_time: string;
  subscriber?: { payer_id: string; email_address: string; name: { given_name: string; surname: string } };
  billing_info?: {
    outstanding_balance: Money;
    cycle_executions: {
      tenure_type: 'TRIAL' | 'REGULAR';
      sequence: number;
      cycles_completed: number;
      cycles_remaining: number;
      total_cycles: number;
    }[];
    last_payment?: { amount: Money; time: string };
    next_billing_time?: string;
    failed_payments_count: number;
    last_failed_payment?: {
      amount: Money;
      time: string;
      reason_code: 'PAYMENT_DENIED';
      next_payment_retry_time?: string;
    };
  };
}

interface Money {
  currency_code: string;
  value: string;
}

/** A change the stand-in made, announced as PayPal announces it: one webhook event each. */
export interface StandInEvent {
  eventType: string;
  resourceType: 'subscription' | 'sale';
  resource: object;
}

/** PayPal's answer to a request it refuses, with the status to send it with. */
export class PayPalStandInError extends Error {
  readonly status: number;
  readonly body: object;

  constructor(
    status: number,
    name: string,
    message: string,
    details: { issue: string; description: string; field?: string }[] = [],
  ) {
    super(message);
    this.status = status;
    this.body = { name, message, debug_id: randomBytes(7).toString('hex'), details, links: [] };
  }
}

const DAY_MS = 86_400_000;

/**
 * The subscriptions a PayPal account holds and how they move: created pending the buyer's approval, activated on
 * approval, renewed, failing payments until PayPal suspends them, cancelled, suspended, reactivated, expired.
 * Every change returns the webhook events PayPal would send for it.
 */
export class PayPalStandInState {
  readonly plans: Map<string, StandInPlan>;
  readonly #subscriptions = new Map<string, StandInSubscription>();
  readonly #byRequestId = new Map<string, string>();
  readonly #now: () => number;

  constructor(plans: StandInPlan[], now: () => number) {
    this.plans = new Map(plans.map((plan) => [plan.id, plan]));
    this.#now = now;
  }

  get(id: string): StandInSubscription {
    const subscription = this.#subscriptions.get(id);
    if (!subscription) {
      throw new PayPalStandInError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
        { issue: 'INVALID_RESOURCE_ID', description: 'Requested resource ID was not found.' },
      ]);
    }
    return subscription;
  }

  findByApprovalToken(token: string): StandInSubscription | undefined {
    return [...this.#subscriptions.values()].find((subscription) => subscription.approvalToken === token);
  }

  create(body: unknown, requestId: string | undefined): { subscription: StandInSubscription; events: StandInEvent[] } {
    const existing = requestId ? this.#byRequestId.get(requestId) : undefined;
    if (existing) return { subscription: this.get(existing), events: [] };
    const request = readCreateRequest(body);
    if (!this.plans.has(request.planId)) {
      throw unprocessable('INVALID_PLAN_ID', 'The specified plan id does not exist.', '/plan_id');
    }
    const at = this.#now();
    const subscription: StandInSubscription = {
      returnUrl: request.returnUrl,
      cancelUrl: request.cancelUrl,
      approvalToken: `BA-${randomBytes(9).toString('hex').toUpperCase()}`,
      resource: {
        id: `I-${randomBytes(6).toString('hex').toUpperCase()}`,
        plan_id: request.planId,
        status: 'APPROVAL_PENDING',
        status_update_time: paypalTime(at),
        start_time: paypalTime(request.startTime ?? at),
        quantity: '1',
        custom_id: request.customId,
        plan_overridden: false,
        create_time: paypalTime(at),
        update_time: paypalTime(at),
      },
    };
    this.#subscriptions.set(subscription.resource.id, subscription);
    if (requestId) this.#byRequestId.set(requestId, subscription.resource.id);
    return { subscription, events: [subscriptionEvent('BILLING.SUBSCRIPTION.CREATED', subscription.resource)] };
  }

  /** The buyer approves on PayPal's page: PayPal activates at once and takes the first payment (after any trial). */
  approve(id: string): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['APPROVAL_PENDING'], 'approve');
    const plan = this.#planOf(resource);
    const at = this.#now();
    const trialEnds = plan.trialDays ? at + plan.trialDays * DAY_MS : null;
    resource.subscriber = {
      payer_id: randomBytes(7).toString('hex').toUpperCase().slice(0, 13),
      email_address: 'buyer@stand-in.example',
      name: { given_name: 'Stand-in', surname: 'Buyer' },
    };
    resource.billing_info = {
      outstanding_balance: { currency_code: plan.currency, value: '0.0' },
      cycle_executions: [
        ...(trialEnds
          ? [{ tenure_type: 'TRIAL' as const, sequence: 1, cycles_completed: 0, cycles_remaining: 1, total_cycles: 1 }]
          : []),
        {
          tenure_type: 'REGULAR',
          sequence: trialEnds ? 2 : 1,
          cycles_completed: 0,
          cycles_remaining: 0,
          total_cycles: 0,
        },
      ],
      next_billing_time: paypalTime(trialEnds ?? at),
      failed_payments_count: 0,
    };
    this.#setStatus(resource, 'ACTIVE', at);
    const events = [subscriptionEvent('BILLING.SUBSCRIPTION.ACTIVATED', resource)];
    return trialEnds ? events : [...events, ...this.renew(id)];
  }

  /** A regular payment succeeds: the period moves on one interval and the failed payments are settled. */
  renew(id: string): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['ACTIVE'], 'renew');
    const plan = this.#planOf(resource);
    const billing = this.#billingOf(resource);
    const at = this.#now();
    for (const cycle of billing.cycle_executions) {
      if (cycle.tenure_type === 'TRIAL' && cycle.cycles_remaining > 0) {
        cycle.cycles_completed = 1;
        cycle.cycles_remaining = 0;
      }
      if (cycle.tenure_type === 'REGULAR') cycle.cycles_completed += 1;
    }
    const amount = { currency_code: plan.currency, value: plan.price };
    billing.last_payment = { amount, time: paypalTime(at) };
    billing.next_billing_time = paypalTime(addInterval(at, plan.interval));
    billing.failed_payments_count = 0;
    billing.outstanding_balance = { currency_code: plan.currency, value: '0.0' };
    resource.update_time = paypalTime(at);
    return [saleEvent('PAYMENT.SALE.COMPLETED', resource, amount, at)];
  }

  /** A regular payment fails; at the plan's threshold PayPal suspends the subscription. */
  failPayment(id: string): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['ACTIVE'], 'fail a payment of');
    const plan = this.#planOf(resource);
    const billing = this.#billingOf(resource);
    const at = this.#now();
    const amount = { currency_code: plan.currency, value: plan.price };
    billing.failed_payments_count += 1;
    billing.last_failed_payment = {
      amount,
      time: paypalTime(at),
      reason_code: 'PAYMENT_DENIED',
      next_payment_retry_time: paypalTime(at + 5 * DAY_MS),
    };
    billing.outstanding_balance = amount;
    resource.update_time = paypalTime(at);
    const events = [subscriptionEvent('BILLING.SUBSCRIPTION.PAYMENT.FAILED', resource)];
    if (billing.failed_payments_count < plan.paymentFailureThreshold) return events;
    this.#setStatus(resource, 'SUSPENDED', at);
    return [...events, subscriptionEvent('BILLING.SUBSCRIPTION.SUSPENDED', resource)];
  }

  cancel(id: string, reason: string): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['ACTIVE', 'SUSPENDED'], 'cancel');
    this.#setStatus(resource, 'CANCELLED', this.#now(), reason);
    if (resource.billing_info) delete resource.billing_info.next_billing_time;
    return [subscriptionEvent('BILLING.SUBSCRIPTION.CANCELLED', resource)];
  }

  suspend(id: string, reason: string): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['ACTIVE'], 'suspend');
    this.#setStatus(resource, 'SUSPENDED', this.#now(), reason);
    return [subscriptionEvent('BILLING.SUBSCRIPTION.SUSPENDED', resource)];
  }

  activate(id: string, reason: string | undefined): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['SUSPENDED'], 'activate');
    this.#setStatus(resource, 'ACTIVE', this.#now(), reason);
    return [subscriptionEvent('BILLING.SUBSCRIPTION.ACTIVATED', resource)];
  }

  /** The plan's fixed number of cycles ran out. */
  expire(id: string): StandInEvent[] {
    const { resource } = this.get(id);
    this.#require(resource, ['ACTIVE', 'SUSPENDED'], 'expire');
    this.#setStatus(resource, 'EXPIRED', this.#now());
    if (resource.billing_info) delete resource.billing_info.next_billing_time;
    return [subscriptionEvent('BILLING.SUBSCRIPTION.EXPIRED', resource)];
  }

  #require(resource: PayPalSubscriptionJson, statuses: PayPalSubscriptionJson['status'][], action: string): void {
    if (statuses.includes(resource.status)) return;
    throw new PayPalStandInError(
      422,
      'UNPROCESSABLE_ENTITY',
      'The requested action could not be performed, semantically incorrect, or failed business validation.',
      [
        {
          issue: 'SUBSCRIPTION_STATUS_INVALID',
          description: `Invalid subscription status for ${action} action; subscription status should be ${statuses.join(' or ').toLowerCase()}.`,
        },
      ],
    );
  }

  #setStatus(
    resource: PayPalSubscriptionJson,
    status: PayPalSubscriptionJson['status'],
    at: number,
    note?: string,
  ): void {
    resource.status = status;
    resource.status_update_time = paypalTime(at);
    resource.update_time = paypalTime(at);
    if (note) resource.status_change_note = note;
  }

  #planOf(resource: PayPalSubscriptionJson): StandInPlan {
    const plan = this.plans.get(resource.plan_id);
    if (!plan) throw new Error(`stand-in subscription ${resource.id} is on an unknown plan`);
    return plan;
  }

  #billingOf(resource: PayPalSubscriptionJson): NonNullable<PayPalSubscriptionJson['billing_info']> {
    if (!resource.billing_info) throw new Error(`stand-in subscription ${resource.id} was never approved`);
    return resource.billing_info;
  }
}

function readCreateRequest(body: unknown): {
  planId: string;
  customId: string | undefined;
  startTime: number | null;
  returnUrl: string;
  cancelUrl: string;
} {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const context = (request.application_context ?? {}) as Record<string, unknown>;
  if (typeof request.plan_id !== 'string' || request.plan_id === '') throw missing('/plan_id');
  if (request.custom_id !== undefined && (typeof request.custom_id !== 'string' || request.custom_id.length > 127)) {
    throw invalid('/custom_id', 'INVALID_STRING_MAX_LENGTH', 'The value of a field is too long.');
  }
  const startTime = typeof request.start_time === 'string' ? Date.parse(request.start_time) : null;
  if (Number.isNaN(startTime))
    throw invalid(
      '/start_time',
      'INVALID_PARAMETER_SYNTAX',
      'The value of a field does not conform to the expected format.',
    );
  for (const field of ['return_url', 'cancel_url']) {
    if (typeof context[field] !== 'string' || !URL.canParse(context[field]))
      throw missing(`/application_context/${field}`);
  }
  return {
    planId: request.plan_id,
    customId: request.custom_id,
    startTime,
    returnUrl: context.return_url as string,
    cancelUrl: context.cancel_url as string,
  };
}

function missing(field: string): PayPalStandInError {
  return invalid(field, 'MISSING_REQUIRED_PARAMETER', 'A required field / parameter is missing.');
}

function invalid(field: string, issue: string, description: string): PayPalStandInError {
  return new PayPalStandInError(
    400,
    'INVALID_REQUEST',
    'Request is not well-formed, syntactically incorrect, or violates schema.',
    [{ field, issue, description }],
  );
}

function unprocessable(issue: string, description: string, field: string): PayPalStandInError {
  return new PayPalStandInError(
    422,
    'UNPROCESSABLE_ENTITY',
    'The requested action could not be performed, semantically incorrect, or failed business validation.',
    [{ field, issue, description }],
  );
}

function subscriptionEvent(eventType: string, resource: PayPalSubscriptionJson): StandInEvent {
  return { eventType, resourceType: 'subscription', resource: structuredClone(resource) };
}

function saleEvent(eventType: string, subscription: PayPalSubscriptionJson, amount: Money, at: number): StandInEvent {
  return {
    eventType,
    resourceType: 'sale',
    resource: {
      id: randomBytes(8).toString('hex').toUpperCase(),
      state: eventType === 'PAYMENT.SALE.COMPLETED' ? 'completed' : 'denied',
      amount: { total: amount.value, currency: amount.currency_code, details: { subtotal: amount.value } },
      payment_mode: 'INSTANT_TRANSFER',
      billing_agreement_id: subscription.id,
      custom: subscription.custom_id,
      create_time: paypalTime(at),
      update_time: paypalTime(at),
    },
  };
}

function addInterval(at: number, interval: StandInPlan['interval']): number {
  const date = new Date(at);
  if (interval === 'MONTH') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.getTime();
}
