/**
 * The two pages a buyer sees at Stripe, reduced to their decisions: Checkout (pay or go back) and the Billing
 * Portal (cancel at period end or now, or return). They let the no-credentials demo upgrade and cancel in a browser.
 */
import type Stripe from 'stripe';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function money(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amountMinor / 100);
}

function date(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}form{display:inline}
button{font:inherit;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0}.note{color:#555;font-size:.9rem}</style></head>
<body><p class="note">Stripe stand-in: no card is charged, nothing leaves this machine.</p>${body}</body></html>`;
}

export function checkoutPage(session: Stripe.Checkout.Session, price: Stripe.Price): string {
  const id = encodeURIComponent(session.id);
  const interval = price.recurring?.interval ?? 'month';
  if (session.status !== 'open') {
    return page('Checkout', `<h1>This checkout is ${escapeHtml(session.status ?? 'closed')}</h1>`);
  }
  return page(
    'Checkout',
    `<h1>Subscribe to ${escapeHtml(price.nickname ?? price.id)}</h1>
<p>${escapeHtml(money(price.unit_amount ?? 0, price.currency))} per ${escapeHtml(interval)}</p>
<form method="post" action="/checkout/${id}/pay"><button type="submit">Pay and subscribe</button></form>
<form method="post" action="/checkout/${id}/cancel"><button type="submit">Back</button></form>`,
  );
}

export function portalPage(portalId: string, returnUrl: string, subscriptions: Stripe.Subscription[]): string {
  const rows = subscriptions.map((subscription) => {
    const [item] = subscription.items.data;
    const name = item?.price.nickname ?? item?.price.id ?? subscription.id;
    const action = `/billing_portal/${encodeURIComponent(portalId)}/subscriptions/${encodeURIComponent(subscription.id)}/cancel`;
    const ends = item ? date(item.current_period_end) : '';
    let state = `${subscription.status}, renews ${ends}`;
    if (subscription.cancel_at_period_end) state = `${subscription.status}, ends ${ends}`;
    if (subscription.status === 'canceled') state = 'canceled';
    const buttons =
      subscription.status === 'canceled'
        ? ''
        : `${subscription.cancel_at_period_end ? '' : `<form method="post" action="${action}"><input type="hidden" name="when" value="period_end"><button type="submit">Cancel at period end</button></form>`}
<form method="post" action="${action}"><input type="hidden" name="when" value="now"><button type="submit">Cancel now</button></form>`;
    return `<li><p><strong>${escapeHtml(name)}</strong>: ${escapeHtml(state)}</p>${buttons}</li>`;
  });
  return page(
    'Billing',
    `<h1>Your subscriptions</h1><ul>${rows.join('') || '<li>None</li>'}</ul>
<p><a href="${escapeHtml(returnUrl)}">Return</a></p>`,
  );
}
