import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../activities/discord/notices/index.ts';
import type { TicketFacts, TicketNotice } from '../../domain/ticket.ts';
import { ticketFacts } from './discord-fixture.ts';

const GUILD_ID = '1100000000000000001';
const CREATOR = '1100000000000000101';
const STAFF = '1100000000000000102';
const facts = (language?: string): TicketFacts => ({
  ...ticketFacts({ guildId: GUILD_ID, creatorId: CREATOR, number: 42 }),
  ...(language ? { language } : {}),
});

const welcome = (language?: string): TicketNotice => ({
  kind: 'welcome',
  ticket: facts(language),
  openingMessage: '',
  answers: [{ question: 'What happened?', answer: '' }],
  questions: ['What happened?', 'Since when?'],
  notificationRoleId: null,
  timer: 'running',
});

const summary = (language?: string): TicketNotice => ({
  kind: 'summary',
  ticket: facts(language),
  closure: { reason: 'Solved', closedById: null, closedAt: Date.UTC(2026, 0, 6), automatic: true },
  transcriptKey: `${GUILD_ID}/0042`,
  messageCount: 9,
});

describe('notices in the guild’s language', () => {
  it('welcomes in French, with French buttons, keeping what the member wrote as written', () => {
    const message = renderNotice(welcome('fr'));
    expect(message.content).toBe(`<@${CREATOR}>, votre ticket est ouvert.`);
    const [embed] = message.embeds;
    expect(embed.description).toBe(
      "Merci de nous avoir contactés. Décrivez votre demande ici ; un membre de l'équipe vous répondra bientôt.",
    );
    expect(embed.fields).toEqual([
      { name: 'What happened?', value: '*Pas de réponse*' },
      { name: 'Merci de répondre aussi à', value: '1. Since when?' },
    ]);
    expect(message.components?.[0]?.components.map((button) => 'label' in button && button.label)).toEqual([
      'Fermer',
      'Prendre en charge',
      'Ne plus prendre en charge',
      'Suspendre le minuteur',
      'Reprendre le minuteur',
    ]);
  });

  it('summarizes a closed ticket in German, dates as Discord timestamps each reader sees in their own zone', () => {
    const [embed] = renderNotice(summary('de'), { publicUrl: 'https://tickets.example.com' }).embeds;
    const field = (name: string) => embed.fields?.find((candidate) => candidate.name === name)?.value;
    expect(field('Geschlossen von')).toBe('Inaktivitäts-Timer');
    expect(field('Zuständig')).toBe('Niemand');
    expect(field('Geschlossen')).toBe(`<t:${Date.UTC(2026, 0, 6) / 1000}:f>`);
    expect(field('Grund')).toBe('Solved');
    expect(field('Protokoll')).toBe(`[Protokoll öffnen](https://tickets.example.com/transcripts/${GUILD_ID}/42)`);
  });

  it('tells of a timer change and a warning in Spanish and Brazilian Portuguese', () => {
    const actor = { id: STAFF, name: 'Sam', isStaff: true };
    const timer = renderNotice({ kind: 'timer_changed', ticket: facts('es'), timer: 'disabled', actor });
    expect(timer.embeds[0].description).toBe(
      `<@${STAFF}> desactivó el temporizador de inactividad: este ticket solo se cierra a mano.`,
    );
    const closesAt = Date.UTC(2026, 0, 7);
    const warning = renderNotice({ kind: 'inactivity_warning', ticket: facts('pt-BR'), closesAt });
    expect(warning.embeds[0].title).toBe('Este ticket está prestes a fechar');
    expect(warning.embeds[0].description).toContain(`Ele fecha <t:${closesAt / 1000}:R>`);
  });

  it('speaks English for tickets opened before guilds had a language', () => {
    expect(renderNotice(welcome()).content).toBe(`<@${CREATOR}>, your ticket is open.`);
    expect(renderNotice(summary()).embeds[0].fields?.[0]?.name).toBe('Opened by');
  });
});
