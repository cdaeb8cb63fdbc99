/**
 * The lives of the Stripe stand-in's subscriptions, changed as Stripe changes them: a Checkout Session completing,
 * a renewal, a failed payment and its retries, a recovered payment, a cancellation now or at period end, a plan
 * change. Every change records the events Stripe would send for it, with snapshots of the objects at that moment.
 */
import type Stripe from 'stripe';
import type { FormObject, FormValue } from './form-params.ts';
import { type HeldCheckoutSession, type ObjectTemplates, type StandInState, snapshot } from './stand-in-store.ts';
import { invalidRequest, noSuch } from './stripe-api-error.ts';
import { stripeEvent, stripeId } from './stripe-events.ts';

const DAY_SECONDS = 86_400;
/** Stripe's default Smart Retries schedule tries a failed payment again after a few days. */
const RETRY_AFTER_SECONDS = 3 * DAY_SECONDS;

export interface SeedPrice {
  id: string;
  productName: string;
  /** Minor units (cents). */
  unitAmount: number;
  currency: string;
  interval: 'month' | 'year';
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The same day of the next month or year (UTC), as Stripe bills a period. */
function periodAfter(start: number, interval: Stripe.Price.Recurring.Interval): number {
  const date = new Date(start * 1000);
  if (interval === 'year') date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return Math.floor(date.getTime() / 1000);
}

/** The top-level fields that changed, with their values before: an `updated` event's `previous_attributes`. */
function previousAttributes(before: object, after: object): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(before)) {
    if (JSON.stringify(value) !== JSON.stringify((after as Record<string, unknown>)[key])) changed[key] = value;
  }
  return changed;
}

function stringRecord(value: FormValue | undefined, param: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`Invalid object`, param);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

export class StandInBilling {
  readonly state: StandInState;
  readonly templates: ObjectTemplates;

  constructor(state: StandInState, templates: ObjectTemplates) {
    this.state = state;
    this.templates = templates;
  }

  private emit(type: string, object: object, previous?: Record<string, unknown>): Stripe.Event {
    const event = stripeEvent(type, snapshot(object), {
      ...(previous && Object.keys(previous).length > 0 && { previousAttributes: previous }),
    });
    this.state.events.push(event);
    return event;
  }

  price(id: string, param = 'id'): Stripe.Price {
    const price = this.state.prices[id];
    if (!price) throw noSuch('price', id, param);
    return price;
  }

  customer(id: string): Stripe.Customer {
    const customer = this.state.customers[id];
    if (!customer) throw noSuch('customer', id);
    return customer;
  }

  checkoutSession(id: string): HeldCheckoutSession {
    const held = this.state.checkoutSessions[id];
    if (!held) throw noSuch('checkout.session', id);
    return held;
  }

  subscription(id: string): Stripe.Subscription {
    const subscription = this.state.subscriptions[id];
    if (!subscription) throw noSuch('subscription', id);
    return subscription;
  }

  invoice(id: string): Stripe.Invoice {
    const invoice = this.state.invoices[id];
    if (!invoice) throw noSuch('invoice', id);
    return invoice;
  }

  event(id: string): Stripe.Event {
    const event = this.state.events.find((held) => held.id === id);
    if (!event) throw noSuch('event', id);
    return event;
  }

  /** A price the demo or a test sells; seeding the same id again keeps the one there. */
  seedPrice(seed: SeedPrice): void {
    if (this.state.prices[seed.id]) return;
    this.state.prices[seed.id] = {
      ...this.templates.price,
      id: seed.id,
      active: true,
      created: nowSeconds(),
      currency: seed.currency,
      custom_unit_amount: null,
      lookup_key: null,
      metadata: {},
      nickname: seed.productName,
      product: `prod_${seed.id.replace(/^price_/, '')}`,
      recurring: {
        interval: seed.interval,
        interval_count: 1,
        meter: null,
        trial_period_days: null,
        usage_type: 'licensed',
      },
      transform_quantity: null,
      type: 'recurring',
      unit_amount: seed.unitAmount,
      // On the wire a decimal is a string; the library turns it into its Decimal type when it reads one.
      unit_amount_decimal: String(seed.unitAmount),
    } as unknown as Stripe.Price;
  }

  /** POST /v1/checkout/sessions, once stripe-mock has accepted the parameters: `answer` is its session. */
  createCheckoutSession(params: FormObject, answer: Stripe.Checkout.Session, pagesUrl: string) {
    if (params.mode !== 'subscription') {
      throw invalidRequest('The Stripe stand-in holds subscription-mode Checkout Sessions only.', 'mode');
    }
    if (typeof params.success_url !== 'string')
      throw invalidRequest('Missing required param: success_url.', 'success_url');
    const lineItems = Array.isArray(params.line_items) ? params.line_items : [];
    const line = lineItems[0];
    if (lineItems.length !== 1 || typeof line !== 'object' || Array.isArray(line) || typeof line.price !== 'string') {
      throw invalidRequest('The Stripe stand-in sells one price per Checkout Session.', 'line_items');
    }
    const price = this.price(line.price, 'line_items[0][price]');
    const subscriptionData = params.subscription_data;
    const subscriptionDataObject =
      typeof subscriptionData === 'object' && !Array.isArray(subscriptionData) ? subscriptionData : {};
    const trial = subscriptionDataObject.trial_period_days;
    const id = stripeId('cs_test');
    const created = nowSeconds();
    const amount = price.unit_amount ?? 0;
    const session = {
      ...answer,
      id,
      url: `${pagesUrl}/checkout/${id}`,
      created,
      expires_at: created + DAY_SECONDS,
      mode: 'subscription',
      status: 'open',
      payment_status: 'unpaid',
      metadata: stringRecord(params.metadata, 'metadata'),
      client_reference_id: typeof params.client_reference_id === 'string' ? params.client_reference_id : null,
      success_url: params.success_url,
      cancel_url: typeof params.cancel_url === 'string' ? params.cancel_url : null,
      customer: null,
      customer_details: null,
      subscription: null,
      invoice: null,
      payment_intent: null,
      currency: price.currency,
      currency_conversion: null,
      amount_subtotal: amount,
      amount_total: amount,
      shipping_cost: null,
      shipping_address_collection: null,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      after_expiration: null,
    } as Stripe.Checkout.Session;
    this.state.checkoutSessions[id] = {
      session,
      subscriptionMetadata: stringRecord(subscriptionDataObject.metadata, 'subscription_data[metadata]'),
      priceId: price.id,
      trialPeriodDays: typeof trial === 'string' ? Number(trial) : null,
    };
    return session;
  }

  private newInvoice(
    subscription: Stripe.Subscription,
    options: { paid: boolean; amount: number; reason: Stripe.Invoice.BillingReason; at: number },
  ): Stripe.Invoice {
    const [item] = subscription.items.data;
    const price = item?.price as Stripe.Price;
    const [templateLine] = this.templates.invoice.lines.data;
    const id = stripeId('in');
    const periodEnd = periodAfter(options.at, price.recurring?.interval ?? 'month');
    const invoice = {
      ...this.templates.invoice,
      id,
      amount_due: options.amount,
      amount_overpaid: 0,
      amount_paid: options.paid ? options.amount : 0,
      amount_remaining: options.paid ? 0 : options.amount,
      attempt_count: options.amount === 0 ? 0 : 1,
      attempted: options.amount !== 0,
      auto_advance: !options.paid,
      billing_reason: options.reason,
      created: options.at,
      currency: price.currency,
      customer: subscription.customer,
      due_date: null,
      effective_at: options.at,
      from_invoice: null,
      last_finalization_error: null,
      lines: {
        object: 'list',
        data: [
          {
            ...templateLine,
            id: stripeId('il'),
            amount: options.amount,
            currency: price.currency,
            description: `1 × ${price.nickname ?? price.id}`,
            invoice: id,
            parent: {
              type: 'subscription_item_details',
              invoice_item_details: null,
              subscription_item_details: {
                invoice_item: null,
                proration: false,
                proration_details: { credited_items: null },
                subscription: subscription.id,
                subscription_item: item?.id,
              },
            },
            period: { start: options.at, end: periodEnd },
            pricing: {
              type: 'price_details',
              price_details: { price: price.id, product: price.product },
              unit_amount_decimal: price.unit_amount_decimal,
            },
            subtotal: options.amount,
          },
        ],
        has_more: false,
        url: `/v1/invoices/${id}/lines`,
      },
      next_payment_attempt: options.paid ? null : options.at + RETRY_AFTER_SECONDS,
      number: `TF-${String(Object.keys(this.state.invoices).length + 1).padStart(4, '0')}`,
      parent: {
        type: 'subscription_details',
        quote_details: null,
        subscription_details: { metadata: subscription.metadata, subscription: subscription.id },
      },
      period_end: options.at,
      period_start: options.at,
      shipping_cost: null,
      status: options.paid ? 'paid' : 'open',
      status_transitions: {
        finalized_at: options.at,
        marked_uncollectible_at: null,
        paid_at: options.paid ? options.at : null,
        voided_at: null,
      },
      subtotal: options.amount,
      subtotal_excluding_tax: options.amount,
      total: options.amount,
      total_excluding_tax: options.amount,
      webhooks_delivered_at: options.at,
    } as unknown as Stripe.Invoice;
    this.state.invoices[id] = invoice;
    subscription.latest_invoice = id;
    return invoice;
  }

  /** The buyer pays on the Checkout page: a customer, a subscription and its first invoice, as Stripe makes them. */
  completeCheckout(sessionId: string, options: { trialDays?: number } = {}): Stripe.Event[] {
    const held = this.checkoutSession(sessionId);
    if (held.session.status !== 'open') {
      throw invalidRequest(`This Checkout Session is ${held.session.status}, no longer open.`);
    }
    const price = this.price(held.priceId);
    const at = nowSeconds();
    const customer = {
      ...this.templates.customer,
      id: stripeId('cus'),
      address: null,
      created: at,
      currency: price.currency,
      discount: null,
      email: `buyer-${sessionId.slice(-6).toLowerCase()}@example.com`,
      invoice_prefix: stripeId('x').slice(2, 10).toUpperCase(),
      metadata: {},
      shipping: null,
    } as Stripe.Customer;
    this.state.customers[customer.id] = customer;
    const trialDays = options.trialDays ?? held.trialPeriodDays;
    const trialEnd = trialDays ? at + trialDays * DAY_SECONDS : null;
    const subscription = this.newSubscription(customer, price, held.subscriptionMetadata, at, trialEnd);
    const invoice = this.newInvoice(subscription, {
      paid: true,
      amount: trialEnd ? 0 : (price.unit_amount ?? 0),
      reason: 'subscription_create',
      at,
    });
    Object.assign(held.session, {
      status: 'complete',
      payment_status: trialEnd ? 'no_payment_required' : 'paid',
      customer: customer.id,
      customer_details: {
        email: customer.email,
        name: null,
        phone: null,
        address: null,
        tax_exempt: 'none',
        tax_ids: [],
      },
      subscription: subscription.id,
      invoice: invoice.id,
    });
    return [
      this.emit('customer.created', customer),
      this.emit('customer.subscription.created', subscription),
      this.emit('invoice.paid', invoice),
      this.emit('checkout.session.completed', held.session),
    ];
  }

  private newSubscription(
    customer: Stripe.Customer,
    price: Stripe.Price,
    metadata: Record<string, string>,
    at: number,
    trialEnd: number | null,
  ): Stripe.Subscription {
    const id = stripeId('sub');
    const [templateItem] = this.templates.subscription.items.data;
    const periodEnd = trialEnd ?? periodAfter(at, price.recurring?.interval ?? 'month');
    const subscription = {
      ...this.templates.subscription,
      id,
      billing_cycle_anchor: periodEnd,
      billing_cycle_anchor_config: null,
      billing_schedules: [],
      cancel_at: null,
      cancel_at_period_end: false,
      canceled_at: null,
      cancellation_details: { comment: null, feedback: null, reason: null },
      created: at,
      currency: price.currency,
      customer: customer.id,
      default_payment_method: null,
      discounts: [],
      ended_at: null,
      items: {
        object: 'list',
        data: [
          {
            ...templateItem,
            id: stripeId('si'),
            created: at,
            current_period_start: at,
            current_period_end: periodEnd,
            discounts: [],
            metadata: {},
            price,
            quantity: 1,
            subscription: id,
            tax_rates: [],
          },
        ],
        has_more: false,
        url: `/v1/subscription_items?subscription=${id}`,
      },
      latest_invoice: null,
      metadata,
      next_pending_invoice_item_invoice: null,
      pause_collection: null,
      pending_invoice_item_interval: null,
      pending_setup_intent: null,
      pending_update: null,
      schedule: null,
      start_date: at,
      status: trialEnd ? 'trialing' : 'active',
      transfer_data: null,
      trial_end: trialEnd,
      trial_start: trialEnd ? at : null,
    } as unknown as Stripe.Subscription;
    this.state.subscriptions[id] = subscription;
    return subscription;
  }

  private item(subscription: Stripe.Subscription): Stripe.SubscriptionItem {
    const [item] = subscription.items.data;
    if (!item) throw invalidRequest(`Subscription ${subscription.id} has no items.`);
    return item;
  }

  /** Moves the subscription into its next period and bills it there; the invoice is dated the period's start. */
  private startNextPeriod(subscription: Stripe.Subscription, paid: boolean): Stripe.Invoice {
    const item = this.item(subscription);
    const start = item.current_period_end;
    item.current_period_start = start;
    item.current_period_end = periodAfter(start, item.price.recurring?.interval ?? 'month');
    subscription.billing_cycle_anchor = item.current_period_end;
    subscription.status = paid ? 'active' : 'past_due';
    return this.newInvoice(subscription, {
      paid,
      amount: (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
      reason: 'subscription_cycle',
      at: start,
    });
  }

  private requireLive(subscription: Stripe.Subscription): void {
    if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
      throw invalidRequest(`Subscription ${subscription.id} has ended (${subscription.status}).`);
    }
  }

  /** Ends the subscription as Stripe does, now or at its period's end: `customer.subscription.deleted`. */
  private end(subscription: Stripe.Subscription, at: number, reason: string): Stripe.Event {
    const before = snapshot(subscription);
    Object.assign(subscription, {
      status: 'canceled',
      ended_at: at,
      canceled_at: subscription.canceled_at ?? at,
      cancellation_details: { ...subscription.cancellation_details, reason },
    });
    return this.emit('customer.subscription.deleted', subscription, previousAttributes(before, subscription));
  }

  /**
   * The period ends. A subscription set to cancel at period end ends there; any other is charged for the next
   * period, successfully (a trial's end included).
   */
  renew(subscriptionId: string): Stripe.Event[] {
    const subscription = this.subscription(subscriptionId);
    this.requireLive(subscription);
    if (subscription.status === 'past_due' || subscription.status === 'unpaid') {
      throw invalidRequest(`Subscription ${subscriptionId} is ${subscription.status}: its open invoice is paid first.`);
    }
    if (subscription.cancel_at_period_end) {
      return [this.end(subscription, this.item(subscription).current_period_end, 'cancellation_requested')];
    }
    const before = snapshot(subscription);
    const invoice = this.startNextPeriod(subscription, true);
    return [
      this.emit('invoice.paid', invoice),
      this.emit('customer.subscription.updated', subscription, previousAttributes(before, subscription)),
    ];
  }

  /**
   * A payment fails: the renewal's charge when the subscription is paid up (it becomes past_due), or the next retry
   * of its open invoice. `final` is the last retry, after which Stripe's default setting cancels the subscription.
   */
  failPayment(subscriptionId: string, options: { final?: boolean } = {}): Stripe.Event[] {
    const subscription = this.subscription(subscriptionId);
    this.requireLive(subscription);
    if (subscription.cancel_at_period_end) {
      throw invalidRequest(`Subscription ${subscriptionId} ends at its period's end: nothing more is charged.`);
    }
    const before = snapshot(subscription);
    let invoice: Stripe.Invoice;
    if (subscription.status === 'past_due' || subscription.status === 'unpaid') {
      invoice = this.invoice(subscription.latest_invoice as string);
      const at = invoice.next_payment_attempt ?? nowSeconds();
      invoice.attempt_count += 1;
      invoice.next_payment_attempt = options.final ? null : at + RETRY_AFTER_SECONDS;
    } else {
      invoice = this.startNextPeriod(subscription, false);
      if (options.final) invoice.next_payment_attempt = null;
    }
    const events = [this.emit('invoice.payment_failed', invoice)];
    if (options.final) {
      events.push(this.end(subscription, nowSeconds(), 'payment_failed'));
    } else if (subscription.status !== before.status) {
      events.push(this.emit('customer.subscription.updated', subscription, previousAttributes(before, subscription)));
    }
    return events;
  }

  /** The buyer fixes their card and the open invoice is paid: the subscription is active again. */
  payOpenInvoice(subscriptionId: string): Stripe.Event[] {
    const subscription = this.subscription(subscriptionId);
    this.requireLive(subscription);
    const invoice = subscription.latest_invoice ? this.invoice(subscription.latest_invoice as string) : null;
    if (invoice?.status !== 'open') {
      throw invalidRequest(`Subscription ${subscriptionId} has no open invoice to pay.`);
    }
    const before = snapshot(subscription);
    const at = nowSeconds();
    Object.assign(invoice, {
      status: 'paid',
      amount_paid: invoice.amount_due,
      amount_remaining: 0,
      attempt_count: invoice.attempt_count + 1,
      next_payment_attempt: null,
      status_transitions: { ...invoice.status_transitions, paid_at: at },
    });
    subscription.status = 'active';
    return [
      this.emit('invoice.paid', invoice),
      this.emit('customer.subscription.updated', subscription, previousAttributes(before, subscription)),
    ];
  }

  /** Three days before a trial ends Stripe says so. */
  trialWillEnd(subscriptionId: string): Stripe.Event[] {
    const subscription = this.subscription(subscriptionId);
    if (subscription.status !== 'trialing') throw invalidRequest(`Subscription ${subscriptionId} is not trialing.`);
    return [this.emit('customer.subscription.trial_will_end', subscription)];
  }

  /** POST /v1/subscriptions/:id with the parameters the stand-in models; a change sends `customer.subscription.updated`. */
  updateSubscription(subscriptionId: string, params: FormObject): Stripe.Event[] {
    const subscription = this.subscription(subscriptionId);
    const { expand, proration_behavior, metadata, cancellation_details, cancel_at_period_end, items, ...others } =
      params;
    const [unmodelled] = Object.keys(others);
    if (unmodelled) {
      throw invalidRequest(`The Stripe stand-in does not model ${unmodelled} on a subscription update.`, unmodelled);
    }
    if (subscription.status === 'canceled' && (cancel_at_period_end !== undefined || items !== undefined)) {
      throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
    }
    const before = snapshot(subscription);
    if (metadata !== undefined) {
      // Stripe unsets a key given an empty value, and all of them for `metadata=`.
      const changes =
        metadata === ''
          ? Object.fromEntries(Object.keys(subscription.metadata).map((key) => [key, '']))
          : stringRecord(metadata, 'metadata');
      const merged: Record<string, string> = { ...subscription.metadata, ...changes };
      subscription.metadata = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== ''));
    }
    if (cancellation_details !== undefined) {
      const details = stringRecord(cancellation_details, 'cancellation_details');
      subscription.cancellation_details = {
        ...subscription.cancellation_details,
        ...details,
      } as Stripe.Subscription.CancellationDetails;
    }
    if (cancel_at_period_end !== undefined) {
      const cancels = cancel_at_period_end === 'true';
      const periodEnd = this.item(subscription).current_period_end;
      Object.assign(subscription, {
        cancel_at_period_end: cancels,
        cancel_at: cancels ? periodEnd : null,
        canceled_at: cancels ? nowSeconds() : null,
        cancellation_details: {
          ...subscription.cancellation_details,
          reason: cancels ? 'cancellation_requested' : null,
        },
      });
    }
    if (items !== undefined) this.changeItemPrice(subscription, items);
    const previous = previousAttributes(before, subscription);
    if (Object.keys(previous).length === 0) return [];
    return [this.emit('customer.subscription.updated', subscription, previous)];
  }

  private changeItemPrice(subscription: Stripe.Subscription, items: FormValue): void {
    const [change, ...more] = Array.isArray(items) ? items : [];
    if (!change || more.length > 0 || typeof change !== 'object' || Array.isArray(change)) {
      throw invalidRequest('The Stripe stand-in changes the one item of a subscription.', 'items');
    }
    const item = this.item(subscription);
    if (change.id !== item.id) {
      throw invalidRequest(`Subscription ${subscription.id} has no item ${String(change.id)}.`, 'items[0][id]');
    }
    if (typeof change.price !== 'string')
      throw invalidRequest('Missing required param: items[0][price].', 'items[0][price]');
    item.price = this.price(change.price, 'items[0][price]');
  }

  /** DELETE /v1/subscriptions/:id: ends it now. Stripe answers a second cancellation as if it had no such subscription. */
  cancelSubscription(subscriptionId: string): Stripe.Event[] {
    const subscription = this.subscription(subscriptionId);
    if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
      throw noSuch('subscription', subscriptionId);
    }
    return [this.end(subscription, nowSeconds(), 'cancellation_requested')];
  }
}
