import { describe, expect, it } from 'vitest';
import { interactionLocale, memberWords } from '../../bot/interactions/interaction-words.ts';
import { type GuildConfig, guildConfigSchema } from '../../domain/guild-config.ts';

/** A French guild's configuration, as the store returns it. */
const frenchGuild: GuildConfig = guildConfigSchema.parse({
  ticketChannelId: '100000000000000011',
  ticketTypes: [{ key: 'support', name: 'Support' }],
  language: 'fr',
});

/** The one read memberWords makes, answered as given; the guild ids it was asked for are kept. */
function guildConfigs(answer: (guildId: string) => Promise<GuildConfig | null>) {
  const asked: string[] = [];
  return {
    asked,
    services: {
      guildConfigs: {
        loadGuildConfig: (guildId: string) => {
          asked.push(guildId);
          return answer(guildId);
        },
      },
    },
  };
}

describe("a member's language", () => {
  it("is their client's when Ticketflow speaks it, else the guild's configured language, else English", () => {
    expect(interactionLocale({ locale: 'de' }, 'fr')).toBe('de');
    expect(interactionLocale({ locale: 'es-419' }, 'fr')).toBe('es');
    expect(interactionLocale({ locale: 'ja' }, 'fr')).toBe('fr');
    expect(interactionLocale({ locale: 'ja' }, null)).toBe('en');
  });

  it("is never Discord's server locale: an interaction's guildLocale is not a step", () => {
    const fromGermanDiscordServer = { locale: 'ja', guildLocale: 'de' };
    expect(interactionLocale(fromGermanDiscordServer, 'fr')).toBe('fr');
    expect(interactionLocale(fromGermanDiscordServer, undefined)).toBe('en');
  });

  it("reads the guild's configured language when the handler has not", async () => {
    const { services, asked } = guildConfigs(async () => frenchGuild);
    const t = await memberWords({ locale: 'ja' }, services, '10');
    expect(asked).toEqual(['10']);
    expect(t('replies.ticket.whichOne')).toBe(
      "Utilisez ceci dans le fil d'un ticket, ou indiquez le numéro du ticket.",
    );
  });

  it("falls back to the client's language, then English, when the read fails, is late, or there is no guild", async () => {
    const failing = guildConfigs(() => Promise.reject(new Error('Postgres is down')));
    expect((await memberWords({ locale: 'de' }, failing.services, '10'))('close-request.onlyStaffRequest')).toMatch(
      /^Nur das Team/,
    );
    const late = guildConfigs(() => new Promise(() => undefined));
    const started = Date.now();
    expect((await memberWords({ locale: 'ja' }, late.services, '10', 50))('replies.close.confirm')).toBe('Confirm');
    expect(Date.now() - started).toBeLessThan(1_000);
    const direct = guildConfigs(async () => frenchGuild);
    expect((await memberWords({ locale: 'ja' }, direct.services, null))('replies.close.confirm')).toBe('Confirm');
    expect(direct.asked).toEqual([]);
  });
});
