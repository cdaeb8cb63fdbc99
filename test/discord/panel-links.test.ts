import { describe, expect, it } from 'vitest';
import { renderNotice } from '../../activities/discord/notices/index.ts';
import type { TicketNotice } from '../../domain/ticket.ts';
import { ticketFacts } from './discord-fixture.ts';

const GUILD_ID = '1100000000000000001';
const ticket = ticketFacts({
  guildId: GUILD_ID,
  creatorId: '1100000000000000101',
  number: 42,
  threadId: '1100000000000000301',
});
const notices: TicketNotice[] = [
  { kind: 'reminder', ticket, remindedAt: Date.UTC(2026, 0, 12) },
  { kind: 'inactivity_warning', ticket, closesAt: Date.UTC(2026, 0, 13) },
];

describe('notices that link to the ticket in the panel', () => {
  for (const notice of notices) {
    it(`${notice.kind}: links the ticket's page when PUBLIC_URL is set, and says nothing of a panel otherwise`, () => {
      const linked = renderNotice(notice, { publicUrl: 'https://tickets.example.com' }).embeds[0].description;
      expect(linked).toContain(
        `[Open the ticket in the panel](https://tickets.example.com/guilds/${GUILD_ID}/tickets/42)`,
      );
      expect(renderNotice(notice).embeds[0].description).not.toContain('panel');
    });
  }
});
