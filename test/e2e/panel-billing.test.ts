import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  grantPlanAsOperator,
  openBillingPage,
  shownPlan,
  shownTicketUsage,
  tableRows,
} from '../support/panel-billing.ts';
import { launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { OPERATOR_USERNAME, type PanelSystem, startPanelSystem } from '../support/panel-system.ts';
import { openFromPanel } from '../support/ticket-life.ts';

/**
 * The billing page and the operators' pages in a real browser, against the built panel in the web process beside
 * the whole system: a server on Free with its real usage, an operator's grant of Pro in the admin pages, and the
 * billing page then on Pro with the higher limits; the admin lists show the change, and revoking it undoes it.
 */
let panel: PanelSystem;
let browser: Browser;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanelSystem(), launchPanelBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
});

describe('billing and operators in the panel', () => {
  it('shows Free and its usage, then Pro after an operator grants it, and Free again after a revoke', async () => {
    const { system } = panel;
    const guildId = system.world.guild.id;
    await openFromPanel(system, 'alice', 'My order is late');

    const owner = await openPanelPage(browser);
    await signInThroughDiscord(owner.page, panel.url, 'owner');
    await owner.page.goto(`${panel.url}/guilds/${guildId}`);
    await owner.page.getByRole('navigation', { name: 'Server' }).getByRole('link', { name: 'Billing' }).click();
    await owner.page.getByRole('heading', { name: 'Plan and billing', level: 1 }).waitFor();
    expect(await shownPlan(owner.page)).toBe('Free');
    expect(await shownTicketUsage(owner.page)).toMatch(/^1 of 50\b/);
    await owner.page.getByText('Ticket statistics: part of the Pro plan.').waitFor();
    expect(
      await owner.page.locator('.premium-lock').first().getByRole('link', { name: 'See plans and upgrade' }).count(),
    ).toBe(1);
    // Someone who is not an operator finds no admin pages, nor a link to them.
    expect(await owner.page.getByRole('link', { name: 'Operators' }).count()).toBe(0);
    const refused = await owner.page.goto(`${panel.url}/admin/entitlements`);
    expect(refused?.status()).toBe(404);

    const operator = await openPanelPage(browser);
    await signInThroughDiscord(operator.page, panel.url, OPERATOR_USERNAME);
    await operator.page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Operators' }).click();
    await operator.page.getByRole('heading', { name: 'Health', level: 1 }).waitFor();
    // The worker of the system polls the task queue the web process was given.
    await operator.page.getByRole('list', { name: 'Task queues' }).getByText('1 polling').first().waitFor();

    // A grant without a reason is stopped in the browser; one with a reason is made and listed.
    await grantPlanAsOperator(operator.page, panel.url, { guildId, plan: 'Pro', reason: 'Launch partner' });
    const entitlements = await tableRows(operator.page, 'Entitlements');
    expect(entitlements[0]?.slice(0, 3)).toEqual([`server ${guildId}`, 'Pro', 'Manual grant']);
    expect(entitlements[0]?.[5]).toBe(`manual:${panel.operatorId}`);

    await operator.page.getByRole('navigation', { name: 'Operators' }).getByRole('link', { name: 'Servers' }).click();
    await operator.page.getByRole('heading', { name: 'Servers and their plans' }).waitFor();
    expect(await tableRows(operator.page, 'Servers')).toContainEqual([
      guildId,
      'Pro',
      '1 of 500',
      'Manual grant',
      'EntitlementsGrant…',
    ]);

    await openBillingPage(owner.page, panel.url, guildId);
    expect(await shownPlan(owner.page)).toBe('Pro');
    expect(await shownTicketUsage(owner.page)).toMatch(/^1 of 500\b/);
    await owner.page.getByText('Ticket statistics: included.').waitFor();
    await owner.page.getByText("Pro granted by the service's operators, with no end date.").waitFor();

    // Revoking asks for a reason in a dialog that names what it ends.
    await operator.page.goto(`${panel.url}/admin/entitlements?guild=${guildId}&status=active`);
    await operator.page.getByRole('button', { name: 'Revoke…' }).click();
    const dialog = operator.page.getByRole('dialog', { name: `Revoke Pro of server ${guildId}` });
    await dialog.getByLabel('Reason').fill('Partnership over');
    await dialog.getByRole('button', { name: 'Revoke it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await operator.page.getByText('No entitlement matches.').waitFor();

    await openBillingPage(owner.page, panel.url, guildId);
    expect(await shownPlan(owner.page)).toBe('Free');
    expect([...owner.faults, ...operator.faults]).toEqual([]);
    await owner.context.close();
    await operator.context.close();
  });

  it('fits a phone: the billing and admin pages at 360 px wide scroll only their tables', async () => {
    const guildId = panel.system.world.guild.id;
    const { page, context, faults } = await openPanelPage(browser, { viewport: { width: 360, height: 740 } });
    await signInThroughDiscord(page, panel.url, 'owner');
    await openBillingPage(page, panel.url, guildId);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await context.close();

    const operator = await openPanelPage(browser, { viewport: { width: 360, height: 740 } });
    await signInThroughDiscord(operator.page, panel.url, OPERATOR_USERNAME);
    for (const path of ['/admin', '/admin/guilds', '/admin/subscriptions', '/admin/entitlements', '/admin/revenue']) {
      await operator.page.goto(`${panel.url}${path}`);
      await operator.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await operator.page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(
        360,
      );
    }
    expect([...faults, ...operator.faults]).toEqual([]);
    await operator.context.close();
  });
});
