/**
 * What the Stripe stand-in holds: the prices it sells, and the customers, Checkout Sessions, subscriptions,
 * invoices and events its checkouts and their lives create. stripe-mock answers with every field of each object
 * but holds none; the held objects start from its answer (so they keep Stripe's full shape) with the fields that
 * carry meaning set from what happened. Saved to a file after every change when the demo gives one.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type Stripe from 'stripe';

export interface HeldCheckoutSession {
  session: Stripe.Checkout.Session;
  /** What Stripe keeps from `subscription_data` for the subscription the session will create. */
  subscriptionMetadata: Record<string, string>;
  priceId: string;
  trialPeriodDays: number | null;
}

export interface StandInState {
  prices: Record<string, Stripe.Price>;
  customers: Record<string, Stripe.Customer>;
  checkoutSessions: Record<string, HeldCheckoutSession>;
  subscriptions: Record<string, Stripe.Subscription>;
  invoices: Record<string, Stripe.Invoice>;
  /** Every event, oldest first. */
  events: Stripe.Event[];
}

/** stripe-mock's answer for each kind of object: where held objects take the fields nobody sets. */
export interface ObjectTemplates {
  price: Stripe.Price;
  customer: Stripe.Customer;
  checkoutSession: Stripe.Checkout.Session;
  subscription: Stripe.Subscription;
  invoice: Stripe.Invoice;
}

export function emptyState(): StandInState {
  return { prices: {}, customers: {}, checkoutSessions: {}, subscriptions: {}, invoices: {}, events: [] };
}

export function loadState(file: string | null): StandInState {
  if (!file) return emptyState();
  try {
    return { ...emptyState(), ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<StandInState>) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new Error(`the Stripe stand-in's state in ${file} is unreadable: ${(error as Error).message}`);
  }
}

/** Writes the whole state through a temporary file, so a crash mid-write leaves the previous one. */
export function saveState(file: string | null, state: StandInState): void {
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}

/** A deep copy, so a held object handed out (in a response, an event's snapshot) never changes afterwards. */
export function snapshot<T>(value: T): T {
  return structuredClone(value);
}
