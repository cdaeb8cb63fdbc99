/** Hand-made canonical transcripts for the transcript tests: a small ticket, and parts to override. */
import { createHash } from 'node:crypto';
import type { MediaResolver } from '../../transcripts/media-resolver.ts';
import { renderTranscriptHtmlToString } from '../../transcripts/render-html.ts';
import {
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_VERSION,
  type Transcript,
  type TranscriptMessage,
  type TranscriptTicket,
  type TranscriptUser,
  transcriptSchema,
} from '../../transcripts/schema.ts';

export const GUILD_ID = '900000000000000001';
export const TRANSCRIPT_KEY = `${GUILD_ID}/0007`;
export const OPENED_AT = Date.UTC(2026, 10, 20, 14, 0, 0);
export const CLOSED_AT = Date.UTC(2026, 10, 21, 9, 30, 0);

/** A media key as storage would give it, with the name's hash standing in for the file's. */
export function mediaKeyFor(name: string, extension = 'png'): string {
  return `${TRANSCRIPT_KEY}/media/${createHash('sha256').update(name).digest('hex')}.${extension}`;
}

export const ALICE: TranscriptUser = {
  id: '900000000000000101',
  name: 'Alice Member',
  avatarKey: mediaKeyFor('a1'),
  roleColor: null,
  bot: false,
};
export const BOB: TranscriptUser = {
  id: '900000000000000102',
  name: 'Bob Staff',
  avatarKey: null,
  roleColor: 0x3498db,
  bot: false,
};
export const BOT: TranscriptUser = {
  id: '900000000000000103',
  name: 'Ticketflow',
  avatarKey: null,
  roleColor: null,
  bot: true,
};
export const STAFF_ROLE = { id: '900000000000000201', name: 'Support', color: 0xe91e63 };
export const HELP_CHANNEL = { id: '900000000000000301', name: 'help-desk' };
export const PARTY_EMOJI = { id: '900000000000000401', name: 'party', animated: true, key: mediaKeyFor('e1', 'gif') };

export function ticketFacts(overrides: Partial<TranscriptTicket> = {}): TranscriptTicket {
  return {
    guildId: GUILD_ID,
    guildName: 'Northwind',
    number: 7,
    typeName: 'Billing',
    creatorId: ALICE.id,
    assigneeId: BOB.id,
    threadId: '900000000000000999',
    openedAt: OPENED_AT,
    closedAt: CLOSED_AT,
    closeReason: 'Refund issued',
    closedById: BOB.id,
    automaticClose: false,
    answers: [{ question: 'Order number?', answer: 'NW-1' }],
    ...overrides,
  };
}

let nextId = 1;

/** A plain message by Alice; override any part. */
export function message(overrides: Partial<TranscriptMessage> = {}): TranscriptMessage {
  const id = String(910000000000000000n + BigInt(nextId++));
  return {
    id,
    authorId: ALICE.id,
    createdAt: OPENED_AT + nextId * 1000,
    editedAt: null,
    content: '',
    reply: null,
    embeds: [],
    attachments: [],
    stickers: [],
    reactions: [],
    system: null,
    ...overrides,
  };
}

export interface TranscriptParts {
  ticket?: TranscriptTicket;
  users?: TranscriptUser[];
  roles?: Transcript['roles'];
  channels?: Transcript['channels'];
  emojis?: Transcript['emojis'];
  messages: TranscriptMessage[];
}

/** A transcript the schema accepts, with counts filled in. */
export function transcriptOf(parts: TranscriptParts): Transcript {
  return transcriptSchema.parse({
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    ticket: parts.ticket ?? ticketFacts(),
    users: parts.users ?? [ALICE, BOB, BOT],
    roles: parts.roles ?? [STAFF_ROLE],
    channels: parts.channels ?? [HELP_CHANNEL],
    emojis: parts.emojis ?? [PARTY_EMOJI],
    entryCount: parts.messages.length,
    messageCount: parts.messages.filter((entry) => entry.system === null).length,
    messages: parts.messages,
  });
}

export const MEDIA_BASE = 'https://media.transcripts.test/';

/** Stored media served from MEDIA_BASE, as the panel will. */
export const testMedia: MediaResolver = {
  imageSources: 'https://media.transcripts.test',
  url: (key) => MEDIA_BASE + key,
};

export function render(transcript: Transcript, media: MediaResolver = testMedia): Promise<string> {
  return renderTranscriptHtmlToString(transcript, { media });
}

/** The HTML of the messages only, between <main> and </main>. */
export async function renderMain(
  messages: TranscriptMessage[],
  parts: Omit<TranscriptParts, 'messages'> = {},
): Promise<string> {
  const html = await render(transcriptOf({ ...parts, messages }));
  return html.slice(html.indexOf('<main class="log">') + '<main class="log">'.length, html.indexOf('</main>'));
}
