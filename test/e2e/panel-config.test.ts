import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcriptPagePath } from '../../domain/panel-paths.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { hydrated, launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { type PanelSystem, startPanelSystem } from '../support/panel-system.ts';
import { eventually } from '../support/ticket-harness.ts';
import { closeWithReason, LONG_WAIT_MS, openFromPanel } from '../support/ticket-life.ts';

/**
 * The settings and the transcript viewer in a real browser, against the built panel in the web process beside the
 * whole system (Postgres, Temporal dev server, worker, the discord.js bot, the local Discord).
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

describe('ticket settings in the panel', () => {
  it('adds a ticket type with two questions; a member opening it from Discord is asked both', async () => {
    const { system } = panel;
    const guildId = system.world.guild.id;
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'owner');
    await page.goto(`${panel.url}/guilds/${guildId}`);
    await page.getByRole('navigation', { name: 'Server' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Ticket settings', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Add a ticket type' }).click();
    const billing = page.getByRole('group', { name: 'Ticket type 2' });
    // Refused in the browser first, by the bot's own schema: nothing is sent, the problem is named and focused.
    await page.getByRole('button', { name: 'Save settings' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was saved.' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('ticketTypes.1.key');
    // Focus moves to the list of problems, so a keyboard or screen reader user lands on it.
    expect(await page.evaluate<string | null>('document.activeElement?.textContent ?? null')).toContain(
      'Nothing was saved.',
    );
    expect(await createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS).loadGuildConfig(guildId)).toEqual(
      system.config,
    );

    await billing.getByLabel('Key').fill('billing');
    await billing.getByLabel('Name', { exact: true }).fill('Billing');
    const typeGroup = page.getByRole('group', { name: 'Billing' });
    await typeGroup.getByRole('button', { name: 'Add a question' }).click();
    await typeGroup.getByRole('button', { name: 'Add a question' }).click();
    await typeGroup
      .getByRole('group', { name: 'Question 1' })
      .getByLabel('Question', { exact: true })
      .fill('Which invoice?');
    await typeGroup
      .getByRole('group', { name: 'Question 2' })
      .getByLabel('Question', { exact: true })
      .fill('What went wrong?');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const status = page.locator('form.settings-form').getByRole('status');
    await status.getByText('Saved.', { exact: false }).waitFor({ timeout: LONG_WAIT_MS });
    // Nothing to register: /ticket open suggests the guild's types as they are stored.
    expect(await status.textContent()).toBe('Saved.');

    const saved = await createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS).loadGuildConfig(guildId);
    expect(saved?.ticketTypes.map((type) => type.key)).toEqual(['support', 'billing']);
    expect(saved?.ticketTypes[1]?.questions.map((question) => question.label)).toEqual([
      'Which invoice?',
      'What went wrong?',
    ]);

    const alice = system.discord.driver.as(system.userId('alice'));
    // /ticket open suggests the new type at once: it asks the bot, which reads the saved configuration.
    const suggestions = await alice
      .typeInOption(system.channelId('tickets'), 'ticket', {
        subcommand: 'open',
        focused: { name: 'type', typed: 'bil' },
      })
      .waitForChoices(LONG_WAIT_MS);
    expect(suggestions.choices.map((choice) => choice.value)).toEqual(['billing']);
    const opened = alice.runSlashCommand(system.channelId('tickets'), 'ticket', {
      subcommand: 'open',
      options: { type: 'billing' },
    });
    const modal = JSON.stringify(await opened.waitForModal(LONG_WAIT_MS));
    expect(modal).toContain('Which invoice?');
    expect(modal).toContain('What went wrong?');
    expect(faults).toEqual([]);
    await context.close();
  });
});

describe('a settings page opened before another change', () => {
  it('refuses to save over it, says to reload and changes nothing; after a reload it saves', async () => {
    const { system } = panel;
    const guildId = system.world.guild.id;
    const configs = createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS);
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'owner');
    await page.goto(`${panel.url}/guilds/${guildId}/settings`);
    await page.getByRole('heading', { name: 'Ticket settings', level: 1 }).waitFor();
    await hydrated(page);

    // Another admin saves a part (the Service page, or /ticket-config) while this page is open.
    await configs.updateGuildConfig(guildId, permissiveGuildDirectory, (stored) => ({
      ...(stored?.config ?? system.config),
      labels: [{ name: 'Meanwhile' }],
    }));
    const meanwhile = await configs.loadGuildConfig(guildId);

    await page.getByRole('button', { name: 'Save settings' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'changed since you opened them' });
    await refusal.waitFor({ timeout: LONG_WAIT_MS });
    expect(await refusal.textContent()).toContain('Reload');
    expect(await configs.loadGuildConfig(guildId)).toEqual(meanwhile);

    await page.reload();
    await hydrated(page);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .locator('form.settings-form')
      .getByRole('status')
      .getByText('Saved.', { exact: false })
      .waitFor({ timeout: LONG_WAIT_MS });
    expect((await configs.loadGuildConfig(guildId))?.labels).toEqual([{ name: 'Meanwhile' }]);
    expect(faults).toEqual([]);
    await context.close();
  });
});

describe('the transcript viewer', () => {
  it('opens a closed ticket’s transcript from the histories summary’s link', async () => {
    const { system } = panel;
    const ticket = await openFromPanel(system, 'bob', 'The printer is on fire');
    await closeWithReason(system, ticket, 'Extinguished');
    const link = `${panel.url}${transcriptPagePath(system.world.guild.id, ticket.number)}`;
    const summary = await eventually(() => {
      const posted = system.discord.state.messagesIn(system.channelId('histories')).at(-1);
      if (!posted || !JSON.stringify(posted).includes('Extinguished')) throw new Error('no summary yet');
      return JSON.stringify(posted);
    }, LONG_WAIT_MS);
    expect(summary).toContain(`(${link})`);

    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'sam');
    // Found in the guild's closed tickets by its number; its link opens the viewer in the viewer's time zone.
    await page.goto(`${panel.url}/guilds/${system.world.guild.id}`);
    await page.getByRole('navigation', { name: 'Server' }).getByRole('link', { name: 'Transcripts' }).click();
    await page.getByRole('heading', { name: 'Closed tickets', level: 1 }).waitFor();
    await page.getByLabel('Ticket number').fill(String(ticket.number));
    await page.getByRole('button', { name: 'Search' }).click();
    const found = page.getByRole('list', { name: 'Closed tickets found' }).getByRole('link');
    await page.waitForURL((url) => url.searchParams.get('number') === String(ticket.number));
    expect(await found.count()).toBe(1);
    expect(await found.getAttribute('href')).toBe(
      `${transcriptPagePath(system.world.guild.id, ticket.number)}?tz=Pacific%2FAuckland`,
    );
    expect(faults).toEqual([]);

    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('heading', { level: 1, name: new RegExp(`Ticket #0*${ticket.number}`) }).waitFor();
    await expect(page.getByText('The printer is on fire').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('Extinguished').count()).resolves.toBeGreaterThan(0);
    await context.close();
  });
});
