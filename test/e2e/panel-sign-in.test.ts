import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { hydrated, launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { type PanelSystem, startPanelSystem } from '../support/panel-system.ts';

let panel: PanelSystem;
let browser: Browser;
/** A guild sam owns but the bot is not in. */
let noBotGuildId: string;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanelSystem(), launchPanelBrowser()]);
  const { system } = panel;
  const state = system.discord.state;
  const sam = system.userId('sam');
  // Beside the system's guild, where sam has the Staff role: one where the bot is and sam is a plain member, and
  // one sam owns (so would manage) but the bot is not in. Neither may appear in sam's list.
  const otherOwner = state.createUser({ username: 'river' });
  const memberGuild = state.createGuild({ name: 'Sam Is Only A Member', ownerId: otherOwner.id });
  const helpers = state.createRole(memberGuild.id, { name: 'Helpers' });
  const memberGuildBotRole = state.createRole(memberGuild.id, { name: 'Ticketflow', permissions: '0' });
  state.addMember(memberGuild.id, system.discord.bot.userId, { roleIds: [memberGuildBotRole.id] });
  state.addMember(memberGuild.id, sam);
  const tickets = state.createTextChannel(memberGuild.id, { name: 'tickets' });
  await createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS).saveGuildConfig(
    memberGuild.id,
    permissiveGuildDirectory,
    {
      staffRoleIds: [helpers.id],
      ticketChannelId: tickets.id,
      ticketTypes: [{ key: 'support', name: 'Support' }],
    },
  );
  noBotGuildId = state.createGuild({ name: 'No Bot Here', ownerId: sam }).id;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
});

/** The names in the server picker, once it shows the list or its empty state. */
async function listedGuilds(page: import('playwright-core').Page): Promise<string[]> {
  await page.getByRole('heading', { name: 'Your servers', level: 1 }).waitFor();
  const list = page.getByRole('list', { name: 'Servers' });
  if ((await list.count()) === 0) return [];
  return list.locator('.card-title').allTextContents();
}

describe('signing in to the panel through the local Discord', () => {
  it('shows a staff member exactly the guilds where the bot is and they are staff, and the guild home', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'sam');
    expect(new URL(page.url()).pathname).toBe('/guilds');
    expect(await listedGuilds(page)).toEqual(['Ticketflow E2E']);
    await expect(page.getByRole('navigation', { name: 'Account' }).textContent()).resolves.toContain('sam');

    await page.getByRole('link', { name: /Ticketflow E2E/ }).click();
    await page.waitForURL(`${panel.url}/guilds/${panel.system.world.guild.id}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ticketflow E2E');
    expect(await page.getByText('Your access:').textContent()).toContain('Staff');
    // A guild the bot is not in is not the panel's, whoever owns it: it answers as if it did not exist.
    const response = await page.goto(`${panel.url}/guilds/${noBotGuildId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found', level: 1 }).isVisible()).resolves.toBe(true);
    expect(faults).toEqual([]);
    await context.close();
  });

  it('shows a plain member no guilds, and says why', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'alice');
    expect(await listedGuilds(page)).toEqual([]);
    await expect(page.getByRole('heading', { name: 'No servers to show' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('the Ticketflow bot is a member of the server').isVisible()).resolves.toBe(true);
    expect(faults).toEqual([]);
    await context.close();
  });

  it('sends someone signed out to the landing page, and back where they were going after signing in', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    const guildPath = `/guilds/${panel.system.world.guild.id}`;
    const response = await page.goto(`${panel.url}${guildPath}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${panel.url}/?next=${encodeURIComponent(guildPath)}`);
    await hydrated(page);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.getByRole('link', { name: 'sam', exact: true }).click();
    await page.waitForURL(`${panel.url}${guildPath}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ticketflow E2E');
    expect(faults).toEqual([]);
    await context.close();
  });
});

describe('sessions', () => {
  it('lists the current session, revokes another, and signing out ends the current one', async () => {
    const other = await openPanelPage(browser);
    await signInThroughDiscord(other.page, panel.url, 'sam');
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'sam');

    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBeGreaterThanOrEqual(2);
    const current = page.locator('.session[aria-current="true"]');
    expect(await current.count()).toBe(1);
    await expect(current.getByText('This browser').isVisible()).resolves.toBe(true);
    const before = await sessions.count();

    // The other browser's session is the newest of the rest (each row's first time is when it signed in).
    const others = page.locator('.session:not([aria-current="true"])');
    const signedInAt = await Promise.all(
      (await others.all()).map(async (row) => (await row.locator('time').first().getAttribute('datetime')) ?? ''),
    );
    const newest = signedInAt.indexOf([...signedInAt].sort().at(-1) ?? '');
    const revoke = others.nth(newest).getByRole('button', { name: 'Revoke' });
    // Which session it ends is read out with it: the browser and when it signed in.
    const describedBy = ((await revoke.getAttribute('aria-describedby')) ?? '').split(' ');
    const description = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(description.join(' ')).toMatch(/HeadlessChrome.* Signed in/);
    await revoke.click();
    await expect.poll(() => sessions.count()).toBe(before - 1);
    await other.page.reload();
    expect(new URL(other.page.url()).pathname).toBe('/');
    await expect(other.page.getByRole('link', { name: 'Sign in with Discord' }).isVisible()).resolves.toBe(true);

    await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${panel.url}/`);
    await page.getByRole('link', { name: 'Sign in with Discord' }).waitFor();
    await page.goto(`${panel.url}/guilds`);
    expect(page.url()).toBe(`${panel.url}/?next=${encodeURIComponent('/guilds')}`);
    expect(faults).toEqual([]);
    expect(other.faults).toEqual([]);
    await other.context.close();
    await context.close();
  });
});
