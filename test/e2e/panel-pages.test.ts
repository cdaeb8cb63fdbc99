import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hydrated, launchPanelBrowser, openPanelPage, signInThroughDiscord } from '../support/panel-browser.ts';
import { type PanelSystem, startPanelSystem } from '../support/panel-system.ts';

let panel: PanelSystem;
let browser: Browser;

beforeAll(async () => {
  [panel, browser] = await Promise.all([startPanelSystem(), launchPanelBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await panel?.close();
});

/**
 * The JavaScript a first visit to `path` loads, in the bytes the server sends a browser that takes gzip: files
 * under a kilobyte are sent as they are, the rest as compressed at build time.
 */
async function firstLoadScripts(
  path: string,
  signedIn?: BrowserContext,
): Promise<{ url: string; bytes: number; encoding: string | null }[]> {
  // A fresh browser, empty cache; signed in when given a browser that is, with its cookies.
  const { page, context } = await openPanelPage(browser, signedIn && { storageState: await signedIn.storageState() });
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  await page.goto(`${panel.url}${path}`, { waitUntil: 'networkidle' });
  await context.close();
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      await response.arrayBuffer();
      return {
        url,
        bytes: Number(response.headers.get('content-length')),
        encoding: response.headers.get('content-encoding'),
      };
    }),
  );
}

/** The page's background colour as drawn (the browser's own code: the tests' types know no DOM). */
function backgroundOf(page: Page): Promise<string> {
  return page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
}

describe('the built panel in the web process', () => {
  it('puts a fresh nonce in each page’s Content-Security-Policy and on every script of the page', async () => {
    const pages = await Promise.all([fetch(`${panel.url}/`), fetch(`${panel.url}/`)]);
    const nonces = await Promise.all(
      pages.map(async (response) => {
        const policy = response.headers.get('content-security-policy') ?? '';
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).not.toContain('unsafe-inline');
        const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? '';
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
        return nonce;
      }),
    );
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves build assets compressed and cached for good, and pages never cached between viewers', async () => {
    const scripts = await firstLoadScripts('/');
    const largest = scripts.reduce((most, script) => (script.bytes > most.bytes ? script : most));
    expect(new URL(largest.url).pathname).toMatch(/^\/_build\/assets\//);
    expect(largest.encoding).toBe('gzip');
    const response = await fetch(largest.url);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${panel.url}/`)).headers.get('cache-control')).toBe('private, no-cache');
  });

  it('loads little JavaScript on a first visit', async () => {
    const sam = await openPanelPage(browser);
    await signInThroughDiscord(sam.page, panel.url, 'sam');
    for (const [path, signedIn] of [
      ['/', undefined],
      ['/guilds', sam.context],
    ] as const) {
      const scripts = await firstLoadScripts(path, signedIn);
      expect(scripts.every((script) => script.encoding === null || script.encoding === 'gzip')).toBe(true);
      const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
      console.log(`first-load JavaScript of ${path}: ${total} bytes gzip in ${scripts.length} files`);
      expect(total).toBeLessThan(40_000);
    }
    await sam.context.close();
  });

  it('answers an unknown page with a 404 page, and leaves the API’s unknown paths to the API', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    const response = await page.goto(`${panel.url}/no/such/page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found', level: 1 }).isVisible()).resolves.toBe(true);
    const api = await fetch(`${panel.url}/api/v1/no-such-route`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
    expect(faults).toEqual([]);
    await context.close();
  });

  it('refuses SolidStart’s server-function endpoint and anything but GET and HEAD', async () => {
    expect((await fetch(`${panel.url}/_server?id=x&args=[]`)).status).toBe(404);
    const post = await fetch(`${panel.url}/guilds`, { method: 'POST', headers: { origin: panel.url } });
    expect(post.status).toBe(404);
  });
});

describe('using the panel', () => {
  it('renders the chosen theme on the server, so the first paint is right, and remembers a new choice', async () => {
    const { page, context, faults } = await openPanelPage(browser, { colorScheme: 'light' });
    await context.addCookies([{ name: 'tf_theme', value: 'dark', url: panel.url }]);
    const html = await (await page.goto(`${panel.url}/`))?.text();
    expect(html).toContain('<html lang="en" data-theme="dark">');
    expect(await backgroundOf(page)).toBe('rgb(18, 19, 24)');
    await hydrated(page);
    await page.getByLabel('Theme').selectOption('light');
    expect(await backgroundOf(page)).toBe('rgb(247, 247, 251)');
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    await page.getByLabel('Theme').selectOption('system');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await backgroundOf(page)).toBe('rgb(18, 19, 24)');
    expect(faults).toEqual([]);
    await context.close();
  });

  it('works from the keyboard: the skip link comes first and leads to the content', async () => {
    const { page, context, faults } = await openPanelPage(browser);
    await signInThroughDiscord(page, panel.url, 'sam');
    await page.keyboard.press('Tab');
    expect(await page.getByRole('link', { name: 'Skip to content' }).and(page.locator(':focus')).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The first thing inside the content is the first server's link.
    expect(await page.locator('main :focus').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${panel.url}/guilds/${panel.system.world.guild.id}`);
    expect(faults).toEqual([]);
    await context.close();
  });

  it('fits a 360-pixel-wide phone and shows times in the viewer’s time zone', async () => {
    const { page, context, faults } = await openPanelPage(browser, { viewport: { width: 360, height: 740 } });
    await signInThroughDiscord(page, panel.url, 'sam');
    for (const path of ['/guilds', `/guilds/${panel.system.world.guild.id}`, '/account/sessions', '/']) {
      await page.goto(`${panel.url}${path}`);
      await hydrated(page);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(360);
    }
    await page.goto(`${panel.url}/account/sessions`);
    await hydrated(page);
    const signedIn = page.locator('.session[aria-current="true"] time').first();
    const iso = (await signedIn.getAttribute('datetime')) ?? '';
    const expected = new Intl.DateTimeFormat('en-NZ', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Pacific/Auckland',
    }).format(new Date(iso));
    await expect.poll(() => signedIn.textContent()).toBe(expected);
    expect(faults).toEqual([]);
    await context.close();
  });
});
