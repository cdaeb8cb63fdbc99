import { MessageFlags } from 'discord-api-types/v10';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { subscriptionWorkflowId } from '../../domain/subscription.ts';
import { guildPlan } from '../../store/entitlements/guild-plan.ts';
import { registerOthersTickets } from '../database/ticket-fixtures.ts';
import { openBillingPage, shownPlan, shownTicketUsage, tableRows } from '../support/panel-billing.ts';
import { hydrated, launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { OPERATOR_USERNAME, type PanelSystem, startPanelSystem } from '../support/panel-system.ts';
import { settledReply } from '../support/settled-reply.ts';
import { type StripeStandInForTests, startStripeStandInForTests } from '../support/stripe-stand-in.ts';
import { eventually } from '../support/ticket-harness.ts';

/**
 * The issue's gating end to end, every part real but Stripe (its stand-in, stripe-mock behind it): a free guild's
 * 51st ticket of the month is refused in Discord; its admin pays for Pro through the panel's checkout, Stripe's
 * signed webhooks reach /webhooks/stripe, the subscription workflow on the worker grants Pro, and the next open
 * goes through, and the billing page and the operators' subscriptions in Chromium show it.
 */
let panel: PanelSystem;
let stripe: StripeStandInForTests;
let browser: Browser;

beforeAll(async () => {
  stripe = await startStripeStandInForTests();
  // The web process and the worker use the stand-in as they would Stripe: the web process for checkouts and
  // webhooks, the worker for the subscription the workflow asks after.
  [panel, browser] = await Promise.all([
    startPanelSystem({ webEnv: stripe.env, workerEnv: stripe.env }),
    launchPanelBrowser(),
  ]);
  await stripe.control.setWebhookEndpoint(`${panel.url}/webhooks/stripe`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
  await stripe?.close();
});

/** alice opens a Support ticket from the Discord panel and reads the bot's final, private answer. */
async function aliceOpens(): Promise<string> {
  const { system } = panel;
  const alice = system.discord.driver.as(system.userId('alice'));
  const pressed = alice.pressButton(system.channelId('tickets'), system.panel.id, 'tpanel:support');
  await pressed.waitForModal();
  const reply = await settledReply(alice.submitModal(pressed, { q0: 'The bot ignores me.' }), 60_000);
  expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  return reply.content;
}

describe('a free guild upgraded through Stripe', () => {
  it('refuses the 51st ticket of the month, then opens it once the Stripe checkout is paid', async () => {
    const { system } = panel;
    const guildId = system.world.guild.id;
    // The month's first 50 tickets, by other members, written as the ticket workflow registers each open: the limit
    // counts these rows, and 50 real opens would only add 50 thread set-ups the other end-to-end tests already cover.
    await registerOthersTickets(system.db.prisma, guildId, 50);

    const refused = await aliceOpens();
    expect(refused).toContain('This server has opened 50 tickets this month, the limit of its free plan');
    expect(refused).toContain(`A server admin can upgrade the plan at ${panel.url}/guilds/${guildId}/billing`);
    expect(await system.db.prisma.ticket.count({ where: { guildId, creatorId: system.userId('alice') } })).toBe(0);

    // The guild's owner sees the limit reached on the billing page, with Stripe offered, and starts a checkout
    // through the panel's API as the page's button does.
    const owner = await openPanelPage(browser);
    await signInThroughDiscord(owner.page, panel.url, 'owner');
    await openBillingPage(owner.page, panel.url, guildId);
    expect(await shownPlan(owner.page)).toBe('Free');
    expect(await shownTicketUsage(owner.page)).toMatch(/^50 of 50\s+The limit is reached/);
    await owner.page.getByRole('button', { name: 'Upgrade to Pro with Stripe' }).waitFor();
    const checkout = await owner.context.request.post(`${panel.url}/api/v1/guilds/${guildId}/billing/checkout`, {
      data: { provider: 'stripe', plan: 'pro' },
      headers: { origin: panel.url },
    });
    expect(checkout.status()).toBe(200);
    const { url: checkoutUrl } = (await checkout.json()) as { url: string };
    expect(checkoutUrl.startsWith(`${stripe.url}/`)).toBe(true);

    // The buyer pays; the stand-in sends Stripe's events for it, signed, to the web process, which answers 200 only
    // once Temporal has each as a signal.
    const paid = await stripe.control.completeCheckout(checkoutUrl);
    expect(paid.subscription.metadata).toMatchObject({ guildId });
    expect(paid.deliveries.length).toBeGreaterThan(0);
    expect(paid.deliveries.map((delivery) => delivery.status)).toEqual(paid.deliveries.map(() => 200));

    const upgraded = await eventually(async () => {
      const plan = await guildPlan(system.db.prisma, DEFAULT_PLANS, guildId);
      if (plan.plan !== 'pro') throw new Error(`the guild is still on ${plan.plan}`);
      return plan;
    }, 60_000);
    expect(upgraded.grants.map((grant) => [grant.entitlement.source, grant.subscription?.subscriptionId])).toEqual([
      ['stripe', paid.subscription.id],
    ]);
    const workflow = system.temporal.client.workflow.getHandle(subscriptionWorkflowId('stripe', paid.subscription.id));
    expect((await workflow.describe()).status.name).toBe('RUNNING');

    expect(await aliceOpens()).toMatch(/^Your ticket #51 is open: <#\d+>$/);

    await openBillingPage(owner.page, panel.url, guildId);
    expect(await shownPlan(owner.page)).toBe('Pro');
    expect(await shownTicketUsage(owner.page)).toMatch(/^51 of 500\b/);

    const operator = await openPanelPage(browser);
    await signInThroughDiscord(operator.page, panel.url, OPERATOR_USERNAME);
    await operator.page.goto(`${panel.url}/admin/subscriptions`);
    await hydrated(operator.page);
    const [listed, ...others] = await tableRows(operator.page, 'Subscriptions');
    expect(others).toEqual([]);
    expect(listed?.[0]).toBe(`Stripe${paid.subscription.id}`);
    expect(listed?.slice(1, 5)).toEqual([`server ${guildId}`, 'Pro', 'Active', '$9.00 a month']);

    expect([...owner.faults, ...operator.faults]).toEqual([]);
    await owner.context.close();
    await operator.context.close();
  }, 240_000);
});
