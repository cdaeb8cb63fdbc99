/**
 * A CSS string literal from untrusted text: everything but a few safe ASCII characters becomes a hex
 * escape, so the value can neither end the string nor the <style> element (`</style>`) it sits in.
 */
const SAFE = /^[A-Za-z0-9 ._~:/?#@!$&()*+,;=%-]$/;

export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    // Controls, surrogates and noncharacters cannot be escaped meaningfully in CSS; U+FFFD stands in.
    const safeCode = code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code;
    out += SAFE.test(char) ? char : `\\${safeCode.toString(16)} `;
  }
  return `${out}"`;
}
