import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordActivities, createDiscordRest } from '../../activities/discord/index.ts';
import { renderNotice } from '../../activities/discord/notices/index.ts';
import type { TicketNotice } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { seedTicketGuild, ticketFacts } from './discord-fixture.ts';

const GUILD_ID = '1100000000000000001';
const summary: TicketNotice = {
  kind: 'summary',
  ticket: ticketFacts({ guildId: GUILD_ID, creatorId: '1100000000000000101', number: 42 }),
  closure: { reason: 'Solved', closedById: '1100000000000000102', closedAt: Date.UTC(2026, 0, 6), automatic: false },
  transcriptKey: `${GUILD_ID}/0042`,
  messageCount: 9,
};

const transcriptField = (message: { embeds: { fields?: { name: string; value: string }[] }[] }) =>
  message.embeds[0]?.fields?.find((field) => field.name === 'Transcript')?.value;

describe('the histories summary', () => {
  it("links to the transcript's page in the panel when PUBLIC_URL is set", () => {
    expect(transcriptField(renderNotice(summary, { publicUrl: 'https://tickets.example.com' }))).toBe(
      `[Open the transcript](https://tickets.example.com/transcripts/${GUILD_ID}/42)`,
    );
    expect(transcriptField(renderNotice(summary, { publicUrl: 'https://example.com/support' }))).toBe(
      `[Open the transcript](https://example.com/support/transcripts/${GUILD_ID}/42)`,
    );
  });

  it('shows the storage key when there is no panel to link to', () => {
    expect(transcriptField(renderNotice(summary))).toBe(`\`${GUILD_ID}/0042\``);
  });

  it('lists who reopened a ticket closed again and when, in the guild language, the oldest counted past ten', () => {
    const reopensField = (notice: TicketNotice) =>
      renderNotice(notice).embeds[0]?.fields?.find((field) => /^(Reopened|Wieder)/.test(field.name ?? ''));
    const at = Date.UTC(2026, 0, 3, 9);
    const twice: TicketNotice = {
      ...summary,
      reopens: [
        { actorId: '1100000000000000101', at },
        { actorId: '1100000000000000102', at: at + 3_600_000 },
      ],
    };
    expect(reopensField(twice)).toEqual({
      name: 'Reopened 2 times',
      value: `by <@1100000000000000101>, <t:${at / 1000}:f>\nby <@1100000000000000102>, <t:${at / 1000 + 3600}:f>`,
    });
    const german = { ...twice, ticket: { ...summary.ticket, language: 'de' } } as TicketNotice;
    expect(reopensField(german)?.name).toBe('Wieder geöffnet: 2-mal');
    const many: TicketNotice = {
      ...summary,
      reopens: Array.from({ length: 12 }, (_, index) => ({ actorId: '1100000000000000101', at: at + index })),
    };
    const lines = reopensField(many)?.value.split('\n') ?? [];
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('and 2 earlier reopens');
    expect(reopensField(summary)).toBeUndefined();
  });

  describe('posted through the Discord activities', () => {
    let sandbox: DiscordSandbox;
    beforeAll(async () => {
      sandbox = await createDiscordSandbox();
    });
    afterAll(() => sandbox.close());

    it('carries the link the activities were configured with', async () => {
      const guild = seedTicketGuild(sandbox);
      const channelId = guild.channel('ticket-history').id;
      const rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
      const activities = createDiscordActivities(rest, { publicUrl: 'https://tickets.example.com' });
      const notice = { ...summary, ticket: { ...summary.ticket, guildId: guild.guild.id } };
      const { messageId } = await activities.postNotice({ channelId, idempotencyKey: 'summary/link', notice });
      const posted = sandbox.state.messagesIn(channelId).find((message: APIMessage) => message.id === messageId);
      expect(transcriptField(posted as APIMessage)).toBe(
        `[Open the transcript](https://tickets.example.com/transcripts/${guild.guild.id}/42)`,
      );
    });
  });
});
