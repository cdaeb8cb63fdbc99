import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core (which downloads nothing). scripts/install.sh installs it and
 * records its path as CHROMIUM_PATH in the environment file that scripts/test.sh loads.
 */
export async function launchPanelBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) {
    throw new Error('CHROMIUM_PATH is not set: run the browser tests through scripts/test.sh, which installs Chromium');
  }
  return chromium.launch({
    executablePath,
    // --no-sandbox: the tests may run as root, where Chromium's sandbox refuses to start. The rest keep Chromium
    // from reaching out to Google's services, which this machine cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * What went wrong in a page that a person would not see in it: uncaught errors, and anything the
 * Content-Security-Policy refused (Chromium reports both on the console).
 */
export function pageFaults(page: Page): string[] {
  const faults: string[] = [];
  page.on('pageerror', (error) => faults.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      faults.push(`csp: ${message.text()}`);
    }
  });
  return faults;
}

/** A browser of its own (cookies, storage) with a page in it, and that page's faults. */
export async function openPanelPage(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** Cookies (and storage) to start with, from another browser's `storageState()`. */
    storageState?: Awaited<ReturnType<BrowserContext['storageState']>>;
  } = {},
): Promise<{ context: BrowserContext; page: Page; faults: string[] }> {
  const context = await browser.newContext({
    storageState: options.storageState,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'Pacific/Auckland',
    locale: 'en-NZ',
  });
  const page = await context.newPage();
  return { context, page, faults: pageFaults(page) };
}

/** Waits until SolidStart has hydrated the page, so that every interaction reaches its handlers. */
export async function hydrated(page: Page): Promise<void> {
  await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Opens a ticket's page and waits until it is live: hydrated, and its stream answered. */
export async function openLiveTicketPage(page: Page, ticketUrl: string): Promise<void> {
  const streaming = page.waitForResponse((response) => response.url().includes('/stream?after='));
  await page.goto(ticketUrl);
  await hydrated(page);
  await streaming;
}

/**
 * Signs in as a person would: "Sign in with Discord" on the panel's landing page, then the local Discord's consent
 * page, where they pick who they are. Resolves on the page the panel lands them on.
 */
export async function signInThroughDiscord(page: Page, panelUrl: string, username: string): Promise<void> {
  await page.goto(panelUrl);
  await page.getByRole('link', { name: 'Sign in with Discord' }).click();
  await page.getByRole('heading', { name: 'Sign in to the local Discord as' }).waitFor();
  await page.getByRole('link', { name: username, exact: true }).click();
  await page.waitForURL((url) => url.origin === new URL(panelUrl).origin && !url.pathname.startsWith('/auth/'));
  await hydrated(page);
}
