import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchPanelBrowser,
  openLiveTicketPage,
  openPanelPage,
  signInThroughDiscord,
} from '../support/panel-browser.ts';
import { type PanelSystem, startPanelSystem } from '../support/panel-system.ts';
import { eventually } from '../support/ticket-harness.ts';
import { claimAsStaff, type LivedTicket, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';

/**
 * Take over and turning the timer off with a reason, in the built panel in Chromium, against the whole system (web
 * process, Temporal dev server, worker, bot, local Discord, Postgres): a ticket someone else holds is taken only
 * after a confirmation, as with the bot's Take over button; a member who is not staff cannot be assigned; the timer
 * goes off only with a reason, which the ticket shows.
 */
let panel: PanelSystem;
let browser: Browser;
let ticket: LivedTicket;

const guildId = () => panel.system.world.guild.id;
const ticketUrl = () => `${panel.url}/guilds/${guildId()}/tickets/${ticket.number}`;

async function row() {
  return panel.system.db.prisma.ticket.findFirstOrThrow({ where: { threadId: ticket.threadId } });
}

const openTicketPage = (page: Page) => openLiveTicketPage(page, ticketUrl());

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanelSystem(), launchPanelBrowser()]);
  ticket = await openFromPanel(panel.system, 'alice', 'My account is locked');
  // sam holds it, claimed in Discord.
  expect(await claimAsStaff(panel.system, ticket)).toContain('You claimed');
}, 4 * LONG_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
});

describe('a ticket someone else holds', () => {
  it('is taken over only once confirmed; the page follows the new assignee', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'owner');
    await openTicketPage(page);
    expect(await page.getByRole('button', { name: 'Claim', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Take over…' }).click();
    const dialog = page.getByRole('dialog', { name: `Take over ticket #${ticket.number}?` });
    await dialog.getByText('holds this ticket').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await row()).assigneeId).toBe(panel.system.userId('sam'));

    await page.getByRole('button', { name: 'Take over…' }).click();
    await dialog.getByRole('button', { name: 'Take over', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(`You took over ticket #${ticket.number}.`)
      .waitFor({ timeout: LONG_WAIT_MS });
    await eventually(async () => expect((await row()).assigneeId).toBe(panel.system.world.owner.id));
    // Held by the viewer now: a plain Unassign, and no take-over.
    await page.getByRole('button', { name: 'Unassign', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Take over…' }).count()).toBe(0);

    // Only staff can be assigned: bob is a plain member.
    await page.getByLabel('Assign to (Discord id of a staff member)').fill(panel.system.userId('bob'));
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(
        'Only staff can be assigned a ticket, and this member is not staff of the server. Nothing was changed.',
      )
      .waitFor({ timeout: LONG_WAIT_MS });
    expect((await row()).assigneeId).toBe(panel.system.world.owner.id);
    expect(faults).toEqual([]);
    await context.close();
  });

  it('is assigned from another staff page only after confirming the take-over', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'sam');
    await openTicketPage(page);
    await page.getByLabel('Assign to (Discord id of a staff member)').fill(panel.system.userId('sam'));
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Take over ticket #${ticket.number}?` });
    await dialog.getByText('Assigning takes it from them.').waitFor();
    // Nothing was sent before the confirmation.
    expect((await row()).assigneeId).toBe(panel.system.world.owner.id);
    await dialog.getByRole('button', { name: 'Take over', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(`You claimed ticket #${ticket.number}.`)
      .waitFor({ timeout: LONG_WAIT_MS });
    await eventually(async () => expect((await row()).assigneeId).toBe(panel.system.userId('sam')));
    expect(faults).toEqual([]);
    await context.close();
  });
});

describe('turning the timer off', () => {
  it('asks for a reason, sends it to the ticket, and shows it beside the timer', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'sam');
    await openTicketPage(page);
    await page.getByRole('button', { name: 'Turn timer off…' }).click();
    const dialog = page.getByRole('dialog', { name: `Turn the timer of ticket #${ticket.number} off` });
    // The reason is required: the browser keeps the form until it is given.
    await dialog.getByRole('button', { name: 'Turn timer off', exact: true }).click();
    expect(await dialog.locator('textarea:invalid').count()).toBe(1);
    expect((await row()).timerState).toBe('running');

    await dialog.getByLabel(/Why should this ticket stay open/).fill('Waiting for the bank to answer');
    await dialog.getByRole('button', { name: 'Turn timer off', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(`The inactivity timer of ticket #${ticket.number} is off: “Waiting for the bank to answer”.`)
      .waitFor({ timeout: LONG_WAIT_MS });
    await eventually(async () => expect((await row()).timerState).toBe('disabled'));
    await page
      .locator('.ticket-facts')
      .getByText('Timer off: “Waiting for the bank to answer”')
      .waitFor({ timeout: LONG_WAIT_MS });
    // The thread's notice carries the reason too, as when the bot's modal sends it.
    await eventually(() =>
      expect(
        panel.system.discord.state
          .messagesIn(ticket.threadId)
          .some((message) => JSON.stringify(message).includes('Waiting for the bank to answer')),
      ).toBe(true),
    );
    expect(faults).toEqual([]);
    await context.close();
  });
});
