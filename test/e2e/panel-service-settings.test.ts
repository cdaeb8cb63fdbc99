import { ChannelType } from 'discord-api-types/v10';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { type PanelSystem, startPanelSystem } from '../support/panel-system.ts';
import { LONG_WAIT_MS } from '../support/ticket-life.ts';

/**
 * The service settings' editors in the built panel, in Chromium, against the whole system (web process, Temporal
 * dev server, worker, bot, local Discord, Postgres): support hours, SLA targets, labels, ticket categories and what
 * follows a close, each saved on its own with the bot's rules; a refused part is named and nothing is saved.
 */
let panel: PanelSystem;
let browser: Browser;
let page: Page;
let faults: string[];
let categories: { first: string; second: string };

const stored = async () =>
  (await createGuildConfigRepository(panel.system.db.prisma, DEFAULT_PLANS).loadGuildConfig(
    panel.system.world.guild.id,
  )) as GuildConfig;

const form = (name: string): Locator => page.getByRole('form', { name });

async function save(section: Locator, button: string): Promise<void> {
  await section.getByRole('button', { name: button }).click();
  await section
    .getByRole('status')
    .getByText('Saved. Open tickets follow the change.')
    .waitFor({ timeout: LONG_WAIT_MS });
}

async function refused(section: Locator, button: string, problem: string): Promise<void> {
  await section.getByRole('button', { name: button }).click();
  const alert = section.getByRole('alert').filter({ hasText: 'Nothing was saved.' });
  await alert.getByText(problem).waitFor({ timeout: LONG_WAIT_MS });
}

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanelSystem(), launchPanelBrowser()]);
  const guildId = panel.system.world.guild.id;
  const category = (name: string) =>
    panel.system.discord.state.createGuildChannel(guildId, { type: ChannelType.GuildCategory, name }).id;
  categories = { first: category('Tickets A'), second: category('Tickets B') };
  const opened = await openPanelPage(browser);
  ({ page, faults } = opened);
  await signInThroughDiscord(page, panel.url, 'owner');
  await page.goto(`${panel.url}/guilds/${guildId}`);
  await page.getByRole('navigation', { name: 'Server' }).getByRole('link', { name: 'Service' }).click();
  await page.getByRole('heading', { name: 'Service settings', level: 1 }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
});

describe('the service settings', () => {
  it('saves support hours written as the command takes them; an unreadable day is refused, nothing saved', async () => {
    const section = form('Support hours');
    await section.getByLabel('Time zone').fill('europe/berlin');
    await section.getByLabel('Weekly hours').fill('mon-fry 09:00-17:00');
    await section.getByLabel('Holidays').fill('2026-12-24, 2026-12-25');
    const before = await stored();
    await refused(section, 'Save support hours', '“mon-fry 09:00-17:00” does not begin with days such as mon-fri');
    expect(await stored()).toEqual(before);

    await section.getByLabel('Weekly hours').fill('mon-fri 09:00-17:00; sat 10:00-14:00');
    await save(section, 'Save support hours');
    const { supportHours } = await stored();
    expect(supportHours.timeZone).toBe('Europe/Berlin');
    expect(supportHours.windows).toHaveLength(6);
    expect(supportHours.windows).toContainEqual({ day: 6, start: 600, end: 840 });
    expect(supportHours.holidays).toEqual(['2026-12-24', '2026-12-25']);
    // Shown back in the command's shorthand.
    expect(await section.getByLabel('Weekly hours').inputValue()).toBe(
      'mon 09:00-17:00; tue 09:00-17:00; wed 09:00-17:00; thu 09:00-17:00; fri 09:00-17:00; sat 10:00-14:00',
    );
  });

  it("saves a type's SLA targets and escalation role; a target below a minute is refused", async () => {
    const section = form('SLA targets');
    const support = section.getByRole('group', { name: 'Support' });
    await support.getByLabel('First response within (minutes)').fill('0');
    await refused(section, 'Save sla targets', 'ticketTypes.0.firstResponseMinutes');
    expect((await stored()).ticketTypes[0]?.firstResponseMinutes).toBeNull();

    await support.getByLabel('First response within (minutes)').fill('30');
    await support.getByLabel('Resolution within (minutes)').fill('480');
    await support.getByLabel('Escalation role').selectOption({ label: '@Staff' });
    await section
      .getByLabel("Server's escalation role (for types without their own)")
      .selectOption({ label: '@Alerts' });
    await save(section, 'Save sla targets');
    const config = await stored();
    expect(config.ticketTypes[0]).toMatchObject({
      firstResponseMinutes: 30,
      resolutionMinutes: 480,
      escalationRoleId: panel.system.roleId('Staff'),
    });
    expect(config.escalationRoleId).toBe(panel.system.roleId('Alerts'));
  });

  it('saves the label list; two names alike ignoring case are refused', async () => {
    const section = form('Labels');
    await section.getByRole('button', { name: 'Add a label' }).click();
    await section.getByRole('button', { name: 'Add a label' }).click();
    const first = section.getByRole('group', { name: 'Label 1' });
    const second = section.getByRole('group', { name: 'Label 2' });
    await first.getByLabel('Name').fill('Refund');
    await first.getByLabel('Colour (optional)').fill('#ff8800');
    await second.getByLabel('Name').fill('refund');
    await refused(section, 'Save labels', 'label names must be unique (ignoring case)');
    expect((await stored()).labels).toEqual([]);

    await second.getByLabel('Name').fill('VIP');
    await second.getByRole('button', { name: 'Move up' }).click();
    await save(section, 'Save labels');
    expect((await stored()).labels).toEqual([{ name: 'VIP' }, { name: 'Refund', color: '#ff8800' }]);
  });

  it('saves the ticket categories in the order chosen, and reorders them', async () => {
    const section = form('Ticket categories');
    await section.getByLabel('Add a category').selectOption({ label: 'Tickets B' });
    await section.getByRole('button', { name: 'Add category' }).click();
    await section.getByLabel('Add a category').selectOption({ label: 'Tickets A' });
    await section.getByRole('button', { name: 'Add category' }).click();
    await save(section, 'Save ticket categories');
    expect((await stored()).ticketCategoryIds).toEqual([categories.second, categories.first]);

    const order = section.getByRole('list', { name: 'Ticket categories, in the order they fill' });
    await order.getByRole('listitem').filter({ hasText: 'Tickets A' }).getByRole('button', { name: 'Move up' }).click();
    await save(section, 'Save ticket categories');
    expect((await stored()).ticketCategoryIds).toEqual([categories.first, categories.second]);
  });

  it('turns reopening and the closing message off; a window past 90 days is refused', async () => {
    const section = form('After a close');
    const days = section.getByLabel(/Days a closed ticket can be reopened/);
    await days.fill('91');
    await refused(section, 'Save after a close', 'reopenWindowDays');
    expect((await stored()).reopenWindowDays).toBe(7);

    await days.fill('0');
    await section.getByText('Reopening is off: a close is final.').waitFor();
    await section.getByLabel(/Send the member a direct message/).uncheck();
    await save(section, 'Save after a close');
    expect(await stored()).toMatchObject({ reopenWindowDays: 0, closingDmEnabled: false });
    expect(faults).toEqual([]);
  });
});
