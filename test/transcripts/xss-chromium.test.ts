import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_URL, launchChromium, type TranscriptPage, transcriptPage } from './chromium.ts';
import { MEDIA_BASE, render } from './fixtures.ts';
import type { PageDocument } from './page-globals.ts';
import { hostileTranscript, XSS_PAYLOADS } from './xss-corpus.ts';

declare const document: PageDocument;

let browser: Browser;
let tab: TranscriptPage;

beforeAll(async () => {
  browser = await launchChromium();
  tab = await transcriptPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

/** What the open page holds that could run or load something: read from the DOM, past the page's CSP. */
function liveHazards() {
  return tab.page.evaluate(() => {
    const hazards: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      if (
        ['script', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'svg', 'math', 'video', 'audio'].includes(tag)
      ) {
        hazards.push(`<${tag}>`);
      }
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith('on')) hazards.push(`${tag}[${attribute.name}]`);
      }
    }
    for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
      const { protocol } = new URL(anchor.href);
      if (protocol !== 'https:' && protocol !== 'http:') hazards.push(`a[href=${anchor.href}]`);
    }
    return { hazards, title: document.title, styles: document.querySelectorAll('style').length };
  });
}

async function expectInert(html: string): Promise<void> {
  tab.reset();
  await tab.open(html);
  // Let anything scheduled (timers, lazy images, refreshes) have its turn.
  await tab.page.waitForTimeout(25);
  const { hazards, styles } = await liveHazards();
  expect(hazards).toEqual([]);
  expect(styles).toBe(1);
  expect(tab.log.dialogs).toEqual([]);
  expect(tab.log.errors).toEqual([]);
  expect(tab.log.console).toEqual([]);
  expect(tab.log.refused).toEqual([]);
  expect(tab.log.requests.filter((url) => url !== DOCUMENT_URL && !url.startsWith(MEDIA_BASE))).toEqual([]);
  expect(tab.page.url()).toBe(DOCUMENT_URL);
}

describe('hostile content in headless Chromium', () => {
  it('runs nothing and loads nothing but the document and its stored media', async () => {
    for (const payload of XSS_PAYLOADS) {
      const html = await render(hostileTranscript(payload));
      await expectInert(html);
      expect(tab.log.requests[0]).toBe(DOCUMENT_URL);
    }
  });

  it('stays inert with its Content-Security-Policy removed: escaping alone holds', async () => {
    for (const payload of XSS_PAYLOADS) {
      const html = (await render(hostileTranscript(payload))).replace(
        /<meta http-equiv="Content-Security-Policy"[^>]*>/,
        '',
      );
      expect(html).not.toContain('Content-Security-Policy');
      await expectInert(html);
    }
  });

  it('reports a planted script, so the checks above can fail', async () => {
    tab.reset();
    await tab.open(
      '<!DOCTYPE html><title>t</title><style></style><img src="https://exfil.transcripts.test/x.png" onerror="alert(1)">',
    );
    await tab.page.waitForTimeout(50);
    expect(tab.log.refused).toEqual(['https://exfil.transcripts.test/x.png']);
    expect(tab.log.dialogs).toEqual(['1']);
  });
});
