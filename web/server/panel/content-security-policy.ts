/** Where the panel's images come from besides itself: Discord's CDN serves guild icons and avatars. */
const imageSources = ["'self'", 'data:', 'https://cdn.discordapp.com'];

/**
 * The panel's Content-Security-Policy: its own scripts and those carrying this page's nonce (SolidStart's hydration
 * data), its own styles, fetches to its own origin, and never framed.
 */
export function panelContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src ${imageSources.join(' ')}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
