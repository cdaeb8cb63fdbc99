/**
 * Maps stored media keys (attachments, avatars, emoji, stickers, embed images) to the URLs a rendered
 * transcript points at, and says which sources the page's Content-Security-Policy lets images load from.
 * Nothing outside these sources can load: not Discord's CDN, not a URL from a message.
 */
import { isMediaKey, parseTranscriptKey } from './keys.ts';

export interface MediaResolver {
  /** The CSP `img-src` source list, e.g. `'self'` or `https://media.example.org`; `'none'` when nothing resolves. */
  readonly imageSources: string;
  /** The URL of a stored file, or null to show a placeholder. */
  url(mediaKey: string): string | null;
}

/** Shows every stored file as a placeholder and lets the page load nothing at all. */
export const placeholderMediaResolver: MediaResolver = {
  imageSources: "'none'",
  url: () => null,
};

/**
 * Serves stored media from `base + key`. `base` is an absolute http(s) URL ending in `/` (its origin becomes
 * the CSP source) or a path starting and ending with `/` on the transcript's own origin (`'self'`).
 */
export function prefixMediaResolver(base: string): MediaResolver {
  if (!base.endsWith('/')) throw new Error(`media base must end with "/": ${base}`);
  let imageSources: string;
  if (base.startsWith('/') && !base.startsWith('//')) {
    if (!/^\/[A-Za-z0-9._~\-/]*$/.test(base)) throw new Error(`media base path has characters it may not: ${base}`);
    imageSources = "'self'";
  } else {
    const url = new URL(base);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.href !== base || url.search || url.hash) {
      throw new Error(`media base must be a plain http(s) URL: ${base}`);
    }
    imageSources = url.origin;
  }
  return {
    imageSources,
    url: (mediaKey) => (isMediaKey(mediaKey) ? base + mediaKey : null),
  };
}

/**
 * For a transcript served at `.../<guildId>/<0042>/` with its media beside it at `.../<0042>/media/<file>`:
 * short relative URLs on the document's own origin.
 */
export function relativeMediaResolver(ofTranscriptKey: string): MediaResolver {
  parseTranscriptKey(ofTranscriptKey);
  const prefix = `${ofTranscriptKey}/`;
  return {
    imageSources: "'self'",
    url: (mediaKey) => (isMediaKey(mediaKey) && mediaKey.startsWith(prefix) ? mediaKey.slice(prefix.length) : null),
  };
}
