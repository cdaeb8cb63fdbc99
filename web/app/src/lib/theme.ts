import { parse, serialize } from 'cookie-es';
import { getRequestEvent, isServer } from 'solid-js/web';

/**
 * Light or dark, or the system's choice (prefers-color-scheme). The choice is a cookie so that the server renders the
 * page in it: the theme is right in the first paint, with no script to run before it.
 */
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const themeCookie = 'tf_theme';

function asThemeChoice(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The viewer's choice: from the page request's cookie on the server, from the rendered page in the browser. */
export function currentThemeChoice(): ThemeChoice {
  if (isServer) {
    const cookieHeader = getRequestEvent()?.request.headers.get('cookie') ?? '';
    return asThemeChoice(parse(cookieHeader)[themeCookie]);
  }
  return asThemeChoice(document.documentElement.dataset.theme);
}

/** The `data-theme` attribute of the page: absent when the system decides. */
export function themeAttribute(choice: ThemeChoice): 'light' | 'dark' | undefined {
  return choice === 'system' ? undefined : choice;
}

export function applyThemeChoice(choice: ThemeChoice): void {
  const attribute = themeAttribute(choice);
  if (attribute) {
    document.documentElement.dataset.theme = attribute;
  } else {
    delete document.documentElement.dataset.theme;
  }
  // biome-ignore lint/suspicious/noDocumentCookie: one preference cookie; the Cookie Store API is not in every browser yet
  document.cookie = serialize(themeCookie, choice, {
    path: '/',
    sameSite: 'lax',
    maxAge: choice === 'system' ? 0 : 60 * 60 * 24 * 365,
    secure: window.location.protocol === 'https:',
  });
}
