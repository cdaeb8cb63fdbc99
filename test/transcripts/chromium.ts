/**
 * Debian's Chromium, headless, driven by playwright-core, with a page that opens a transcript at a fixed
 * origin and records everything that happens on it: every request (all are intercepted: the document and
 * the media base are answered, anything else is refused), dialogs, console messages and page errors.
 */
import { deflateSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { MEDIA_BASE } from './fixtures.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DOCUMENT_URL = 'https://transcripts.test/ticket.html';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A real PNG of one colour, standing in for a stored image or avatar. */
export function solidPng(size: number, [red, green, blue]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([red, green, blue]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface PageLog {
  requests: string[];
  refused: string[];
  dialogs: string[];
  console: string[];
  errors: string[];
}

export interface TranscriptPage {
  context: BrowserContext;
  page: Page;
  log: PageLog;
  /** Opens `html` as the document at DOCUMENT_URL and waits for it and its images to load. */
  open(html: string): Promise<void>;
  reset(): void;
}

/** Answers a media key with its bytes, or null for a 404. */
export type MediaSource = (key: string) => Promise<Uint8Array | null>;

const ANY_IMAGE = solidPng(8, [240, 80, 40]);

export async function transcriptPage(
  browser: Browser,
  media: MediaSource = async () => ANY_IMAGE,
): Promise<TranscriptPage> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const log: PageLog = { requests: [], refused: [], dialogs: [], console: [], errors: [] };
  let documentHtml = '';
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === DOCUMENT_URL)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: documentHtml });
    if (url.startsWith(MEDIA_BASE)) {
      const body = await media(url.slice(MEDIA_BASE.length));
      if (body === null) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(body) });
    }
    log.refused.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => log.errors.push(error.message));
  return {
    context,
    page,
    log,
    async open(html) {
      documentHtml = html;
      await page.goto(DOCUMENT_URL, { waitUntil: 'load' });
    },
    reset() {
      for (const list of Object.values(log)) list.length = 0;
    },
  };
}
