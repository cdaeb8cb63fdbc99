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
