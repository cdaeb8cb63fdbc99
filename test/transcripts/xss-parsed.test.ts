import { describe, expect, it } from 'vitest';
import { MEDIA_BASE, render } from './fixtures.ts';
import { attribute, findAll, findingsIn, hasClass, parseTranscript, textOf } from './html-checker.ts';
import { hostileTranscript, visibleText, XSS_PAYLOADS } from './xss-corpus.ts';

describe('hostile content, checked by a spec-compliant parser', () => {
  it.each(XSS_PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    'in every field: %s',
    async (_, payload) => {
      const html = await render(hostileTranscript(payload));
      expect(findingsIn(html, MEDIA_BASE)).toEqual([]);

      // Escaped, not dropped: readers see exactly what was written.
      const { document } = parseTranscript(html);
      const shown = visibleText(payload);
      const facts = findAll(document, (element) => element.tagName === 'dd').map(textOf);
      expect(facts).toContain(shown); // the creator's name
      expect(textOf(findAll(document, (element) => hasClass(element, 'gn'))[0] as never)).toBe(shown);
      const fileNames = findAll(document, (element) => hasClass(element, 'an')).map(textOf);
      expect(fileNames).toEqual([shown, shown]);
      const pictures = findAll(document, (element) => element.tagName === 'img' && attribute(element, 'alt') === shown);
      expect(pictures).toHaveLength(1); // the saved image attachment
    },
  );

  it('sees a planted script as a finding, so the checks above can fail', () => {
    const planted =
      '<!DOCTYPE html><html><head><style></style></head><body><img src=x onerror=alert(1)><a href="javascript:x">a</a></body></html>';
    expect(findingsIn(planted, MEDIA_BASE)).toEqual(['src x', 'attribute onerror on <img>', 'href javascript:x']);
  });
});
