import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranscriptActivities } from '../../activities/transcripts/activity.ts';
import { SYNTHETIC_GUILD_ID, syntheticTicket } from '../../bench/transcripts/synthetic-ticket.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import { prefixMediaResolver } from '../../transcripts/media-resolver.ts';
import { writeTranscriptHtml } from '../../transcripts/render-html.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import { DOCUMENT_URL, launchChromium, type TranscriptPage, transcriptPage } from './chromium.ts';
import { type DiscordCdn, startDiscordCdn } from './discord-cdn.ts';
import { MEDIA_BASE } from './fixtures.ts';
import type { PageDocument, PageElement, PageImage, PageWindow } from './page-globals.ts';

declare const document: PageDocument;
declare const window: PageWindow;
declare const Image: new () => PageImage;
declare function getComputedStyle(element: PageElement): { color: string; backgroundColor: string };

let browser: Browser;
let cdn: DiscordCdn;
let root: string;
let tab: TranscriptPage;

/** The whole path: the close activity stores the ticket, then the stored transcript is streamed to a file. */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'transcript-screenshot-'));
  const storage = new FileTranscriptStorage(root);
  cdn = await startDiscordCdn();
  const { source } = syntheticTicket(150, 3);
  const activities = createTranscriptActivities({ storage, fetch: cdn.fetch, loadSource: async () => source });
  const ref = await activities.renderTranscript({
    guildId: SYNTHETIC_GUILD_ID,
    ticketId: 'row-1',
    number: 42,
    closure: source.closure,
  });
  const file = join(root, 'ticket.html');
  await writeTranscriptHtml(await loadTranscript(storage, ref.key), createWriteStream(file), {
    media: prefixMediaResolver(MEDIA_BASE),
  });
  browser = await launchChromium();
  tab = await transcriptPage(browser, (key) => storage.readMedia(key));
  await tab.open(await readFile(file, 'utf8'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await cdn?.close();
  await rm(root, { recursive: true, force: true });
});

/** Share of pixels unlike the commonest colour, and how many colours there are, decoded by the browser itself. */
async function pixelStats(png: Buffer): Promise<{ varied: number; colours: number }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const colour = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
        counts.set(colour, (counts.get(colour) ?? 0) + 1);
      }
      const commonest = Math.max(...counts.values());
      const pixels = data.length / 4;
      return { varied: (pixels - commonest) / pixels, colours: counts.size };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

describe('a stored transcript in Chromium', () => {
  it('opens as a non-blank page with the ticket header, its saved images loaded, nothing else requested', async () => {
    const { page, log } = tab;
    await page.setViewportSize({ width: 1280, height: 900 });
    const heading = page.locator('header.tk h1');
    expect(await heading.textContent()).toBe('Ticket #0042 · Billing');
    expect(await heading.isVisible()).toBe(true);
    expect(await page.locator('header.tk .gn').textContent()).toBe('Northwind Hosting');
    expect(await page.title()).toBe('Ticket #0042 · Billing · Northwind Hosting');

    const stats = await pixelStats(await page.screenshot());
    expect(stats.varied).toBeGreaterThan(0.05);
    expect(stats.colours).toBeGreaterThan(50);

    // Attachment images load lazily: bring each into view and wait for it.
    const images = await page.evaluate(async () => {
      const loaded: boolean[] = [];
      for (const image of Array.from(document.querySelectorAll('figure.at img'))) {
        image.scrollIntoView();
        if (!image.complete) {
          await new Promise<void>((settle) => {
            image.addEventListener('load', settle, { once: true });
            image.addEventListener('error', settle, { once: true });
          });
        }
        loaded.push(image.naturalWidth > 0);
      }
      window.scrollTo(0, 0);
      return loaded;
    });
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((loaded) => !loaded)).toEqual([]);
    expect(log.requests.filter((url) => url !== DOCUMENT_URL && !url.startsWith(MEDIA_BASE))).toEqual([]);
    expect(log.refused).toEqual([]);
    expect(log.console).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it("follows the reader's colour scheme, reveals spoilers in print, and fits a phone", async () => {
    const { page } = tab;
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(49, 51, 56)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');

    const spoilerColour = () =>
      page.evaluate(() => getComputedStyle(document.querySelectorAll('.sp')[0] as PageElement).color);
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    expect(await spoilerColour()).toBe('rgba(0, 0, 0, 0)');
    await page.emulateMedia({ media: 'print' });
    expect(await spoilerColour()).not.toBe('rgba(0, 0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 375, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const stats = await pixelStats(await page.screenshot());
    expect(stats.varied).toBeGreaterThan(0.05);
  });

  it('jumps from a reply to the message it answers', async () => {
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 900 });
    const reply = page.locator('a.rp').nth(3);
    const target = (await reply.getAttribute('href')) as string;
    await reply.click();
    expect(new URL(page.url()).hash).toBe(target);
    const inView = await page.evaluate((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      if (box === undefined) return false;
      return box.top >= 0 && box.top < window.innerHeight;
    }, target.slice(1));
    expect(inView).toBe(true);
  });
});
