import { describe, expect, it } from 'vitest';
import { resolveLocale, supportedLocaleOf } from '../../i18n/locales.ts';
import { translate } from '../../i18n/translate.ts';

describe('locale resolution', () => {
  it("maps Discord's locale codes onto the languages Ticketflow speaks", () => {
    expect(supportedLocaleOf('en-US')).toBe('en');
    expect(supportedLocaleOf('en-GB')).toBe('en');
    expect(supportedLocaleOf('de')).toBe('de');
    expect(supportedLocaleOf('es-ES')).toBe('es');
    expect(supportedLocaleOf('es-419')).toBe('es');
    expect(supportedLocaleOf('pt-BR')).toBe('pt-BR');
    expect(supportedLocaleOf('ja')).toBeNull();
    expect(supportedLocaleOf(undefined)).toBeNull();
  });

  it("falls back from the member's locale to the guild's language, then English", () => {
    expect(resolveLocale('fr', 'de')).toBe('fr');
    expect(resolveLocale('ja', 'de')).toBe('de');
    expect(resolveLocale('ja', null)).toBe('en');
  });

  it('renders a message in the language asked for', () => {
    expect(translate('de', 'common.serviceTrouble')).toMatch(/^Der Ticket-Dienst/);
    expect(translate('en', 'common.serviceTrouble')).toMatch(/^Could not reach/);
  });
});
