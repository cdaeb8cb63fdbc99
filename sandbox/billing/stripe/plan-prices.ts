import type { SeedPrice } from './stand-in-billing.ts';

/** The prices the stand-in sells Ticketflow's plans at, under the ids STRIPE_PRICE_PRO and STRIPE_PRICE_ENTERPRISE name. */
export function planPrices(ids: { pro: string; enterprise: string }): SeedPrice[] {
  return [
    { id: ids.pro, productName: 'Ticketflow Pro', unitAmount: 900, currency: 'usd', interval: 'month' },
    { id: ids.enterprise, productName: 'Ticketflow Enterprise', unitAmount: 4900, currency: 'usd', interval: 'month' },
  ];
}
