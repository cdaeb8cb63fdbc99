import { describe, expect, it } from 'vitest';
import { buildTranscript, InvalidTranscriptSourceError } from '../../transcripts/build-transcript.ts';
import type { MediaCopy } from '../../transcripts/media-copy.ts';
import type { TranscriptSource, TranscriptSourceMessage } from '../../transcripts/transcript-source.ts';
import { mediaKeyFor } from './fixtures.ts';

const GUILD = '900000000000000001';
const ALICE = '900000000000000101';
const BOB = '900000000000000102';
const GHOST = '900000000000000103';
const CAROL = '900000000000000104';
const T0 = Date.UTC(2026, 10, 20, 14, 0, 0);

function sourceMessage(
  id: string,
  at: number,
  overrides: Partial<TranscriptSourceMessage> = {},
): TranscriptSourceMessage {
  return {
    id,
    authorId: ALICE,
    authorName: 'alice (stored)',
    authorIsBot: false,
    content: '',
    attachments: [],
    createdAt: at,
    editedAt: null,
    ...overrides,
  };
}

function source(overrides: Partial<TranscriptSource> = {}): TranscriptSource {
  return {
    guildName: 'Northwind',
    ticket: {
      guildId: GUILD,
      number: 7,
      typeName: 'Billing',
      creatorId: ALICE,
      creatorName: 'Alice',
      assigneeId: null,
      threadId: '900000000000000999',
      openedAt: T0,
    },
    closure: { reason: 'done', closedById: BOB, closedAt: T0 + 3600_000, automatic: false },
    answers: [{ question: 'Order?', answer: 'NW-1' }],
    messages: [],
    events: [],
    users: [
      {
        id: ALICE,
        name: 'Alice',
        avatarUrl: 'https://cdn.discordapp.com/avatars/a/1.png',
        roleColor: null,
        bot: false,
      },
      { id: BOB, name: 'Bob', avatarUrl: null, roleColor: 0x3498db, bot: false },
      { id: CAROL, name: 'Carol', avatarUrl: null, roleColor: null, bot: false },
    ],
    roles: [
      { id: '900000000000000201', name: 'Support', color: 0xe91e63 },
      { id: '900000000000000202', name: 'Unmentioned', color: null },
    ],
    channels: [
      { id: '900000000000000301', name: 'help' },
      { id: '900000000000000302', name: 'unmentioned' },
    ],
    ...overrides,
  };
}

describe('buildTranscript', () => {
  it('orders messages and ticket events by time and turns events into system entries', () => {
    const transcript = buildTranscript(
      source({
        messages: [
          sourceMessage('910000000000000003', T0 + 3000, { content: 'third' }),
          sourceMessage('910000000000000001', T0 + 1000, { content: 'first' }),
        ],
        events: [
          { key: 'wf-1:2', kind: 'member_added', actorId: BOB, at: T0 + 2000, data: { memberId: CAROL } },
          { key: 'wf-1:3', kind: 'replied', actorId: ALICE, at: T0 + 2500 },
          { key: 'wf-1:4', kind: 'assigned', actorId: BOB, at: T0 + 4000, data: { assigneeId: 'not-a-snowflake' } },
        ],
      }),
    );
    expect(transcript.messages.map((entry) => entry.content || entry.system?.kind)).toEqual([
      'first',
      'member_added',
      'third',
      'assigned',
    ]);
    expect(transcript.messages[1]).toMatchObject({
      id: 'event:wf-1:2',
      authorId: BOB,
      system: { kind: 'member_added', subjectId: CAROL },
    });
    expect(transcript.messages[3]?.system).toEqual({ kind: 'assigned', subjectId: null });
    expect(transcript.entryCount).toBe(4);
    expect(transcript.messageCount).toBe(2);
  });

  it('shows the whole life of a reopened ticket: each close, the rating between, who reopened it and when', () => {
    const transcript = buildTranscript(
      source({
        messages: [
          sourceMessage('910000000000000001', T0 + 1000, { content: 'first life' }),
          sourceMessage('910000000000000005', T0 + 6000, { content: 'second life' }),
        ],
        events: [
          { key: 'wf-1:1', kind: 'closed', actorId: BOB, at: T0 + 2000 },
          { key: 'wf-1:2', kind: 'rated', actorId: ALICE, at: T0 + 3000, data: { stars: 2, comment: ' slow ' } },
          { key: 'wf-1:3', kind: 'reopened', actorId: ALICE, at: T0 + 4000, data: { closedAt: T0 + 2000 } },
          { key: 'wf-1:4', kind: 'rated', actorId: ALICE, at: T0 + 4500, data: { stars: 9 } },
          { key: 'wf-1:5', kind: 'closed', actorId: BOB, at: T0 + 7000 },
        ],
      }),
    );
    expect(transcript.messages.map((entry) => entry.content || entry.system?.kind)).toEqual([
      'first life',
      'closed',
      'rated',
      'reopened',
      'rated',
      'second life',
      'closed',
    ]);
    expect(transcript.messages[2]?.system).toEqual({
      kind: 'rated',
      subjectId: null,
      rating: { stars: 2, comment: 'slow' },
    });
    expect(transcript.messages[3]).toMatchObject({ authorId: ALICE, createdAt: T0 + 4000 });
    // Stars outside 1 to 5 are not a rating to show: the entry says who rated, without the stars.
    expect(transcript.messages[4]?.system).toEqual({ kind: 'rated', subjectId: null });
  });

  it('snapshots the replied-to message, or notes that it is gone', () => {
    const original = sourceMessage('910000000000000001', T0 + 1000, {
      authorId: BOB,
      content: `  a\n\nlong ${'word '.repeat(40)}`,
    });
    const transcript = buildTranscript(
      source({
        messages: [
          original,
          sourceMessage('910000000000000002', T0 + 2000, { replyToId: original.id }),
          sourceMessage('910000000000000003', T0 + 3000, { replyToId: '910000000000000099' }),
        ],
      }),
    );
    const reply = transcript.messages[1]?.reply;
    expect(reply?.messageId).toBe(original.id);
    expect(reply?.authorId).toBe(BOB);
    expect(reply?.excerpt?.startsWith('a long word word')).toBe(true);
    expect(reply?.excerpt?.length).toBe(101);
    expect(transcript.messages[2]?.reply).toEqual({ messageId: '910000000000000099', authorId: null, excerpt: null });
  });

  it('keeps only the users, roles, channels and emoji the ticket mentions, with names as at close', () => {
    const transcript = buildTranscript(
      source({
        messages: [
          sourceMessage('910000000000000001', T0 + 1000, {
            content: `<@${CAROL}> see <#900000000000000301> <@&900000000000000201> <a:party:900000000000000401>`,
            reactions: [{ emoji: { id: '900000000000000402', name: 'ok', animated: false }, count: 2 }],
          }),
          sourceMessage('910000000000000002', T0 + 2000, {
            authorId: GHOST,
            authorName: 'Left the guild',
            authorIsBot: true,
          }),
        ],
      }),
    );
    expect(transcript.users.map((user) => [user.id, user.name, user.bot])).toEqual([
      [ALICE, 'Alice', false],
      [BOB, 'Bob', false],
      [CAROL, 'Carol', false],
      [GHOST, 'Left the guild', true],
    ]);
    expect(transcript.roles.map((role) => role.name)).toEqual(['Support']);
    expect(transcript.channels.map((channel) => channel.name)).toEqual(['help']);
    expect(transcript.emojis).toEqual([
      { id: '900000000000000401', name: 'party', animated: true, key: null },
      { id: '900000000000000402', name: 'ok', animated: false, key: null },
    ]);
  });

  it("replaces Discord's URLs with the keys of saved copies, and says why others were not saved", () => {
    const saved = mediaKeyFor('avatar');
    const media = new Map<string, MediaCopy>([
      ['https://cdn.discordapp.com/avatars/a/1.png', { key: saved, unsaved: null }],
      ['https://cdn.discordapp.com/attachments/1/big.zip', { key: null, unsaved: 'too_large' }],
      ['https://cdn.discordapp.com/emojis/900000000000000401.gif', { key: mediaKeyFor('emoji', 'gif'), unsaved: null }],
    ]);
    const transcript = buildTranscript(
      source({
        messages: [
          sourceMessage('910000000000000001', T0 + 1000, {
            content: '<a:party:900000000000000401>',
            attachments: [
              {
                id: '910000000000000801',
                filename: 'big.zip',
                size: 9e8,
                contentType: 'application/zip',
                url: 'https://cdn.discordapp.com/attachments/1/big.zip',
              },
              {
                id: '910000000000000802',
                filename: 'x.png',
                size: 5,
                contentType: 'image/png',
                url: 'https://cdn.discordapp.com/attachments/1/x.png',
              },
            ],
            stickers: [{ id: '910000000000000901', name: 'dance', format: 'lottie' }],
            embeds: [
              {
                title: 'E',
                imageUrl: 'https://media.discordapp.net/external/i.png',
                fields: [{ name: 'a', value: 'b' }],
              },
            ],
          }),
        ],
      }),
      media,
    );
    expect(transcript.users[0]?.avatarKey).toBe(saved);
    const [entry] = transcript.messages;
    expect(entry?.attachments.map((each) => [each.name, each.key, each.unsaved])).toEqual([
      ['big.zip', null, 'too_large'],
      ['x.png', null, 'not_copied'],
    ]);
    expect(entry?.stickers).toEqual([
      { id: '910000000000000901', name: 'dance', format: 'lottie', key: null, unsaved: null },
    ]);
    expect(entry?.embeds[0]).toMatchObject({
      title: 'E',
      image: { key: null, unsaved: 'not_copied' },
      fields: [{ name: 'a', value: 'b', inline: false }],
    });
    expect(transcript.emojis[0]?.key).toBe(mediaKeyFor('emoji', 'gif'));
  });

  it('carries the ticket and its closure into the header', () => {
    const transcript = buildTranscript(source());
    expect(transcript.ticket).toEqual({
      guildId: GUILD,
      guildName: 'Northwind',
      number: 7,
      typeName: 'Billing',
      creatorId: ALICE,
      assigneeId: null,
      threadId: '900000000000000999',
      openedAt: T0,
      closedAt: T0 + 3600_000,
      closeReason: 'done',
      closedById: BOB,
      automaticClose: false,
      answers: [{ question: 'Order?', answer: 'NW-1' }],
    });
    expect(transcript.format).toBe('ticketflow.transcript');
    expect(transcript.version).toBe(1);
  });

  it('refuses input the schema cannot hold, saying what is wrong', () => {
    expect(() => buildTranscript(source({ messages: [sourceMessage('not an id!', T0)] }))).toThrow(
      InvalidTranscriptSourceError,
    );
    expect(() => buildTranscript(source({ guildName: 'x'.repeat(500) }))).toThrow(/guildName/);
  });
});
