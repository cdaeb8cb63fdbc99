import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLabels, setPriority } from '../../workflows/ticket/metadata-definitions.ts';
import { hydrated, launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { type PanelSystem, startPanelSystem } from '../support/panel-system.ts';
import { type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';

/**
 * Priority and labels in the built panel, in Chromium, against the whole system: set on one ticket through its
 * workflow, shown in the list and on the ticket's page, and filtered through the API by the list's form.
 */
let panel: PanelSystem;
let browser: Browser;
let urgent: LivedTicket;
let plain: LivedTicket;
let page: Page;

const guildId = () => panel.system.world.guild.id;
const sam = () => ({ id: panel.system.userId('sam'), name: 'sam', isStaff: true });

async function workflowOf(ticket: LivedTicket) {
  const row = await panel.system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
  return panel.system.temporal.client.workflow.getHandle(row.workflowId);
}

beforeAll(async () => {
  [panel, browser] = await Promise.all([
    startPanelSystem({ config: () => ({ labels: [{ name: 'refund', color: '#ff8800' }, { name: 'bug' }] }) }),
    launchPanelBrowser(),
  ]);
  urgent = await openFromPanel(panel.system, 'alice', 'Charged twice');
  plain = await openFromPanel(panel.system, 'bob', 'A question');
  const workflow = await workflowOf(urgent);
  await workflow.executeUpdate(setPriority, { args: [{ actor: sam(), priority: 'urgent' }] });
  await workflow.executeUpdate(changeLabels, { args: [{ actor: sam(), add: ['refund'], remove: [] }] });
  ({ page } = await openPanelPage(browser));
  await signInThroughDiscord(page, panel.url, 'sam');
}, 4 * LONG_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
});

/** The list's rows as text, by ticket number. */
async function rows(): Promise<Map<number, string>> {
  const texts = await page.getByRole('table').locator('tbody tr').allInnerTexts();
  return new Map(texts.map((text) => [Number(/#(\d+)/.exec(text)?.[1]), text]));
}

describe('priority and labels in the panel', () => {
  it('shows each ticket’s priority and labels in the list, and filters by them through the form', async () => {
    await page.goto(`${panel.url}/guilds/${guildId()}/tickets`);
    await hydrated(page);
    await page.getByRole('link', { name: `#${plain.number}` }).waitFor();
    const all = await rows();
    expect(all.get(urgent.number)).toMatch(/Urgent\s+refund/);
    expect(all.get(plain.number)).toContain('Normal');

    await page.getByLabel('Priority').selectOption('urgent');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/priority=urgent/);
    await page.getByRole('link', { name: `#${plain.number}` }).waitFor({ state: 'detached' });
    expect([...(await rows()).keys()]).toEqual([urgent.number]);

    await page.getByLabel('Priority').selectOption('');
    await page.getByLabel('Label').fill('bug');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/label=bug/);
    await page.getByText('No tickets here').waitFor();

    await page.getByLabel('Label').fill('refund');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/label=refund/);
    await page.getByRole('link', { name: `#${urgent.number}` }).waitFor();
    expect([...(await rows()).keys()]).toEqual([urgent.number]);
  });

  it('shows them on the ticket’s page, with the changes in its timeline', async () => {
    await page.goto(`${panel.url}/guilds/${guildId()}/tickets/${urgent.number}`);
    await hydrated(page);
    const facts = page.locator('dl').first();
    await facts.getByText('Urgent').waitFor();
    await facts.getByText('refund').waitFor();
    await page.getByText('set the priority to Urgent').waitFor();
    await page.getByText('changed the labels to refund').waitFor();
  });
});
