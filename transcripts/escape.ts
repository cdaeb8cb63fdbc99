/**
 * The one escape function for everything written into the HTML, text and attribute values alike.
 * Every attribute the renderer writes is double-quoted, so `'` needs no escape; `&`, `<`, `>` and `"` get one.
 * Besides those it replaces the code points an HTML parser reports as errors (controls, lone surrogates,
 * noncharacters) with U+FFFD, so hostile text yields a clean document.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const REPLACEMENT = '\uFFFD';

/** What each ASCII character becomes; undefined for the ones written as they are. */
const ASCII: (string | undefined)[] = new Array(128).fill(undefined);
for (let code = 0; code < 32; code++) {
  // Tab, line feed, form feed and carriage return are whitespace, not errors.
  if (code !== 9 && code !== 10 && code !== 12 && code !== 13) ASCII[code] = REPLACEMENT;
}
ASCII[127] = REPLACEMENT;
ASCII[38] = '&amp;';
ASCII[60] = '&lt;';
ASCII[62] = '&gt;';
ASCII[34] = '&#34;';

function isNoncharacter(code: number): boolean {
  return (code >= 0xfdd0 && code <= 0xfdef) || code === 0xfffe || code === 0xffff;
}

export function escapeHtml(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  let out = '';
  let runStart = 0;
  const length = value.length;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    let replacement: string | undefined;
    if (code < 128) {
      replacement = ASCII[code];
      if (replacement === undefined) continue;
    } else if (code <= 0x9f) {
      replacement = REPLACEMENT;
    } else if (code < 0xd800) {
      continue;
    } else if (code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A valid pair: only the astral noncharacters (U+1FFFE, U+1FFFF, ... U+10FFFF) are replaced.
        if ((code & 0x3f) === 0x3f && (next & 0x3fe) === 0x3fe) {
          out += value.slice(runStart, i) + REPLACEMENT;
          runStart = i + 2;
        }
        i++;
        continue;
      }
      replacement = REPLACEMENT;
    } else if (code <= 0xdfff) {
      replacement = REPLACEMENT;
    } else if (isNoncharacter(code)) {
      replacement = REPLACEMENT;
    } else {
      continue;
    }
    out += value.slice(runStart, i) + replacement;
    runStart = i + 1;
  }
  return out + value.slice(runStart);
}
