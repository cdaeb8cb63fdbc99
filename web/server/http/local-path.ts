const PANEL_ORIGIN = 'http://panel.invalid';

/**
 * `path` when it is a path on this site (`/guilds/1?tab=open`), else `fallback`. Refuses what browsers would take
 * to another site: `//evil.com`, `/\evil.com`, `https://evil`, and anything with a backslash or a control
 * character, which browsers repair in ways that can change the host.
 */
export function localPath(path: unknown, fallback: string): string {
  if (typeof path !== 'string' || path.length > 2_000) return fallback;
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\p{Cc}]/u.test(path)) return fallback;
  const url = URL.parse(path, PANEL_ORIGIN);
  if (!url || url.origin !== PANEL_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
