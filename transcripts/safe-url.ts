/**
 * Links in a transcript are hostile input. Only absolute http(s) URLs survive, normalised by the WHATWG
 * URL parser (which percent-encodes quotes, spaces and controls); everything else (javascript:, data:,
 * vbscript:, relative or protocol-relative URLs) yields null and is shown as text.
 */

const MAX_URL_LENGTH = 4096;
const HTTP_PREFIX = /^https?:\/\//i;

export function safeHttpUrl(raw: string): string | null {
  if (raw.length > MAX_URL_LENGTH || !HTTP_PREFIX.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.href;
}
