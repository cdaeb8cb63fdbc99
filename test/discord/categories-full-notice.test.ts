import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../activities/discord/notices/index.ts';
import type { TicketNotice } from '../../domain/ticket.ts';
import { ticketFacts } from './discord-fixture.ts';

const notice = (language?: string): TicketNotice => ({
  kind: 'categories_full',
  ticket: ticketFacts({ guildId: '1100000000000000001', creatorId: '1100000000000000101', language }),
  categoryCount: 2,
});

describe('the notice to staff that every ticket category is full', () => {
  it('names the fix and how often it is said, in the guild language, pinging nobody', () => {
    const [english] = renderNotice(notice()).embeds;
    expect(english?.title).toBe('Tickets are being refused: every ticket category is full');
    expect(english?.description).toContain('all 2 ticket categories are full');
    expect(english?.description).toContain('/ticket-config categories');
    expect(english?.description).toContain('at most once every 6 hours');
    expect(renderNotice(notice()).allowed_mentions).toEqual({ parse: [], users: [], roles: [] });
    const [german] = renderNotice(notice('de')).embeds;
    expect(german?.description).toContain('alle 2 Ticket-Kategorien voll sind');
    expect(german?.description).toContain('einmal alle 6 Stunden');
  });
});
