import type { Page } from 'playwright-core';
import { billingPagePath } from '../../domain/panel-paths.ts';
import { hydrated } from './panel-browser.ts';

/**
 * The billing and operators' pages as a person uses them, for the browser tests (and the issue's end-to-end run):
 * each step goes through the built panel, never around it.
 */

/** Opens a server's billing page (its admin signed in) and resolves once it shows. */
export async function openBillingPage(page: Page, panelUrl: string, guildId: string): Promise<void> {
  await page.goto(`${panelUrl}${billingPagePath(guildId)}`);
  await page.getByRole('heading', { name: 'Plan and billing', level: 1 }).waitFor();
  await hydrated(page);
}

/** The plan the billing page says the server is on ("Free", "Pro", "Enterprise"). */
export async function shownPlan(page: Page): Promise<string> {
  return (await page.locator('.plan-now .plan-name').textContent())?.trim() ?? '';
}

/** The billing page's "Tickets opened" line as people read it, one line a block: "3 of 50\nCounted from …". */
export async function shownTicketUsage(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text, not a DOM read; it is what people see.
  return (await page.locator('.usage-list dd').first().innerText()).trim();
}

/** An operator's grant from the Entitlements page's form; resolves once the panel says it was granted. */
export async function grantPlanAsOperator(
  page: Page,
  panelUrl: string,
  grant: { guildId: string; plan: 'Pro' | 'Enterprise'; reason: string; lastDay?: string },
): Promise<void> {
  await page.goto(`${panelUrl}/admin/entitlements`);
  await hydrated(page);
  const form = page.getByRole('group', { name: 'Grant a plan' });
  await form.getByLabel('Server id').fill(grant.guildId);
  await form.getByLabel('Plan').selectOption({ label: grant.plan });
  if (grant.lastDay) await form.getByLabel('Last day').fill(grant.lastDay);
  await form.getByLabel('Reason').fill(grant.reason);
  await form.getByRole('button', { name: 'Grant' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `Granted ${grant.plan} to server ${grant.guildId}` })
    .waitFor();
}

/** The rows of an operators' table (by its label), as the text of each cell. */
export async function tableRows(page: Page, label: string): Promise<string[][]> {
  const rows = page.getByRole('table', { name: label }).locator('tbody tr');
  await rows.first().waitFor();
  const cells = await Promise.all((await rows.all()).map((row) => row.locator('td').allTextContents()));
  return cells.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim()));
}
