/**
 * Deterministic synthetic tickets for the benchmark and the long-ticket tests: the same seed and size give
 * the same ticket. The mix imitates a support conversation: mostly plain text, then markdown, mentions,
 * links, replies, attachments, bot embeds, long code blocks, reactions, edits and ticket events.
 */
import { createHash } from 'node:crypto';
import type { TicketEvent } from '../../domain/ticket.ts';
import { transcriptKey } from '../../transcripts/keys.ts';
import { collectMedia, extensionFor, type MediaCopy } from '../../transcripts/media-copy.ts';
import type {
  SourceEmbed,
  SourceUser,
  TranscriptSource,
  TranscriptSourceMessage,
} from '../../transcripts/transcript-source.ts';

/** mulberry32: small, fast, and good enough to pick words. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISCORD_EPOCH = 1_420_070_400_000n;
const START = Date.UTC(2026, 10, 2, 9, 30);

export const SYNTHETIC_GUILD_ID = '1100000000000000001';

function snowflakeAt(ms: number, sequence: number): string {
  return ((BigInt(ms) - DISCORD_EPOCH) * 4_194_304n + BigInt(sequence % 4096)).toString();
}

function avatarHash(seed: string): string {
  return createHash('md5').update(seed).digest('hex');
}

export const SYNTHETIC_USERS: readonly SourceUser[] = [
  { id: '1100000000000000101', name: 'Mara Quinn', avatarUrl: null, roleColor: null, bot: false },
  { id: '1100000000000000102', name: 'Theo · Support', avatarUrl: null, roleColor: 0x3498db, bot: false },
  { id: '1100000000000000103', name: 'Ines', avatarUrl: null, roleColor: 0xe91e63, bot: false },
  { id: '1100000000000000104', name: 'Ticketflow', avatarUrl: null, roleColor: null, bot: true },
  { id: '1100000000000000105', name: 'Kofi', avatarUrl: null, roleColor: null, bot: false },
  { id: '1100000000000000106', name: 'Lena Brandt', avatarUrl: null, roleColor: 0x2ecc71, bot: false },
].map((user, index) => ({
  ...user,
  avatarUrl: index % 3 === 2 ? null : `https://cdn.discordapp.com/avatars/${user.id}/${avatarHash(user.id)}.png`,
}));

const [CREATOR, STAFF, STAFF2, BOT, MEMBER, MEMBER2] = SYNTHETIC_USERS as [
  SourceUser,
  SourceUser,
  SourceUser,
  SourceUser,
  SourceUser,
  SourceUser,
];
const PEOPLE = [CREATOR, CREATOR, CREATOR, STAFF, STAFF, STAFF2, MEMBER, MEMBER2];

export const SYNTHETIC_ROLES = [
  { id: '1100000000000000201', name: 'Support', color: 0x3498db },
  { id: '1100000000000000202', name: 'Moderators', color: 0xe91e63 },
  { id: '1100000000000000203', name: 'Members', color: null },
];
export const SYNTHETIC_CHANNELS = [
  { id: '1100000000000000301', name: 'rules' },
  { id: '1100000000000000302', name: 'announcements' },
  { id: '1100000000000000303', name: 'help-desk' },
];
const EMOJI = [
  '<:pepe_think:1100000000000000401>',
  '<a:party_blob:1100000000000000402>',
  '<:ok_hand_custom:1100000000000000403>',
];
const UNICODE_REACTIONS = ['👍', '✅', '❤️', '😂', '👀'];

const WORDS = (
  'the order payment refund account login error server bot ticket invoice subscription panel role channel ' +
  'permission update yesterday today please thanks issue works broken again still need help check logs ' +
  'screenshot attached restart cache browser mobile desktop email code verify plan premium renewal charge ' +
  'card declined support team reply soon looking into it fixed deployed version settings config webhook'
).split(' ');

const LANGUAGES: Record<string, (random: () => number, lines: number) => string> = {
  ts: (random, lines) =>
    Array.from({ length: lines }, (_, i) =>
      i % 7 === 0
        ? `export async function handle${i}(input: Request): Promise<Response> {`
        : `  const value${i} = await client.fetch('/api/${pickFrom(random, WORDS)}/${i}', { retries: ${i % 5} }); // <${pickFrom(random, WORDS)}>`,
    ).join('\n'),
  json: (random, lines) =>
    `{\n${Array.from({ length: lines }, (_, i) => `  "${pickFrom(random, WORDS)}_${i}": ${i % 3 === 0 ? `"${pickFrom(random, WORDS)} & <co>"` : i * 17}`).join(',\n')}\n}`,
  py: (random, lines) =>
    Array.from({ length: lines }, (_, i) =>
      i % 6 === 0
        ? `def step_${i}(ctx):`
        : `    ctx.${pickFrom(random, WORDS)} = compute(${i}, "${pickFrom(random, WORDS)}")  # > note`,
    ).join('\n'),
  sql: (random, lines) =>
    Array.from(
      { length: lines },
      (_, i) => `SELECT id, ${pickFrom(random, WORDS)} FROM tickets WHERE n > ${i} AND s <> 'x';`,
    ).join('\n'),
};

function pickFrom<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sentence(random: () => number): string {
  const words = Array.from({ length: 4 + Math.floor(random() * 14) }, () => pickFrom(random, WORDS));
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}${pickFrom(random, ['.', '.', '?', '!'])}`;
}

function sentences(random: () => number, count: number): string {
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

function markdownText(random: () => number): string {
  const w = () => pickFrom(random, WORDS);
  return pickFrom(random, [
    () => `**${w()} ${w()}** is *still* ${w()}, __really__ ~~${w()}~~ ${sentence(random)}`,
    () =>
      `# ${w()} ${w()}\n${sentence(random)}\n- ${w()} ${w()}\n- **${w()}** ${w()}\n  - ${w()}\n1. ${w()}\n2. ${w()}`,
    () => `> ${sentence(random)}\n> ${sentence(random)}\n${sentence(random)} \`${w()}.${w()}()\``,
    () => `||${sentence(random)}|| and ***${w()}*** with \`\`inline \`code\`\`\` -# ${w()}`,
    () => `## ${w()}\n>>> ${sentence(random)}\n${sentence(random)}`,
  ])();
}

function mentionText(random: () => number, ms: number): string {
  const user = pickFrom(random, SYNTHETIC_USERS);
  const role = pickFrom(random, SYNTHETIC_ROLES);
  const channel = pickFrom(random, SYNTHETIC_CHANNELS);
  const at = Math.floor(ms / 1000) + Math.floor(random() * 200_000) - 100_000;
  return `<@${user.id}> ${sentence(random)} See <#${channel.id}>, cc <@&${role.id}> ${pickFrom(random, EMOJI)} <t:${at}:${pickFrom(random, ['R', 'f', 'D', 't'])}>`;
}

function linkText(random: () => number): string {
  const path = `${pickFrom(random, WORDS)}/${Math.floor(random() * 10_000)}`;
  return pickFrom(random, [
    () => `${sentence(random)} https://docs.example.com/${path}?ref=ticket&lang=en.`,
    () =>
      `Try [the ${pickFrom(random, WORDS)} guide](https://help.example.org/${path}) or <https://status.example.org/>`,
  ])();
}

function codeText(random: () => number): string {
  const language = pickFrom(random, Object.keys(LANGUAGES));
  const lines = 20 + Math.floor(random() * 41);
  return `${sentence(random)}\n\`\`\`${language}\n${(LANGUAGES[language] as (r: () => number, n: number) => string)(random, lines)}\n\`\`\``;
}

function embedFor(random: () => number, ms: number): SourceEmbed {
  const fieldCount = 1 + Math.floor(random() * 4);
  return {
    title: `Ticket update: ${pickFrom(random, WORDS)} ${pickFrom(random, WORDS)}`,
    url: `https://panel.example.com/tickets/${Math.floor(random() * 9999)}`,
    description: `${sentence(random)} **${pickFrom(random, WORDS)}** ${sentence(random)}`,
    color: pickFrom(random, [0x5865f2, 0x57f287, 0xfee75c, 0xed4245]),
    author: null,
    fields: Array.from({ length: fieldCount }, (_, i) => ({
      name: `${pickFrom(random, WORDS)} ${i + 1}`,
      value:
        i % 2 === 0 ? sentence(random) : `\`${pickFrom(random, WORDS)}\` · <@${pickFrom(random, SYNTHETIC_USERS).id}>`,
      inline: i > 0,
    })),
    footer: { text: 'Ticketflow', iconUrl: null },
    timestamp: ms,
    imageUrl: null,
    thumbnailUrl: null,
  };
}

function attachmentsFor(random: () => number, ms: number, sequence: number): TranscriptSourceMessage['attachments'] {
  const count = random() < 0.8 ? 1 : 2;
  return Array.from({ length: count }, (_, i) => {
    const id = snowflakeAt(ms, sequence * 2 + i + 7);
    const [filename, contentType, size] = pickFrom(random, [
      [`screenshot-${sequence}.png`, 'image/png', 40_000 + Math.floor(random() * 1_500_000)],
      [`error-${sequence}.log`, 'text/plain', 2_000 + Math.floor(random() * 80_000)],
      [`export-${sequence}.zip`, 'application/zip', 200_000 + Math.floor(random() * 5_000_000)],
      [`photo-${sequence}.jpg`, 'image/jpeg', 90_000 + Math.floor(random() * 3_000_000)],
    ] as const);
    return {
      id,
      filename,
      size,
      contentType,
      url: `https://cdn.discordapp.com/attachments/1100000000000000999/${id}/${filename}?ex=6750f1c2&is=674fa042&hm=${avatarHash(id)}`,
    };
  });
}

export interface SyntheticTicket {
  source: TranscriptSource;
  /** As if copy-in had saved every file: the keys the media would have. */
  media: Map<string, MediaCopy>;
}

/** A ticket of `messageCount` messages (plus a few ticket events), the same for the same seed. */
export function syntheticTicket(messageCount: number, seed = 1): SyntheticTicket {
  const random = seededRandom(seed);
  const messages: TranscriptSourceMessage[] = [];
  const events: TicketEvent[] = [];
  let ms = START;
  const openedAt = START;
  events.push({ key: 'e0-opened', kind: 'opened', actorId: CREATOR.id, at: openedAt });
  for (let n = 0; n < messageCount; n++) {
    ms += random() < 0.03 ? Math.floor(random() * 6 * 3600_000) : 4000 + Math.floor(random() * 400_000);
    const id = snowflakeAt(ms, n);
    const roll = random();
    const author = roll < 0.07 ? BOT : pickFrom(random, PEOPLE);
    let content = '';
    let embeds: SourceEmbed[] = [];
    let attachments: TranscriptSourceMessage['attachments'] = [];
    if (author === BOT) {
      embeds = [embedFor(random, ms)];
      content = random() < 0.5 ? '' : `<@${CREATOR.id}> ${sentence(random)}`;
    } else if (roll < 0.37) content = sentences(random, 1 + Math.floor(random() * 3));
    else if (roll < 0.51) content = markdownText(random);
    else if (roll < 0.61) content = mentionText(random, ms);
    else if (roll < 0.69) content = linkText(random);
    else if (roll < 0.77) {
      content = random() < 0.5 ? '' : sentence(random);
      attachments = attachmentsFor(random, ms, n);
    } else if (roll < 0.82) content = codeText(random);
    else if (roll < 0.85) content = Array.from({ length: 4 }, () => sentences(random, 3)).join('\n\n');
    else content = sentences(random, 1 + Math.floor(random() * 2));
    const replyToId =
      n > 3 && random() < 0.12 ? (messages[n - 1 - Math.floor(random() * Math.min(n, 50))]?.id ?? null) : null;
    const reactions =
      random() < 0.1
        ? Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) =>
            i === 2
              ? {
                  emoji: { id: '1100000000000000401', name: 'pepe_think', animated: false },
                  count: 1 + Math.floor(random() * 4),
                }
              : {
                  emoji: { id: null, name: UNICODE_REACTIONS[(n + i) % UNICODE_REACTIONS.length] as string },
                  count: 1 + i,
                },
          )
        : [];
    messages.push({
      id,
      authorId: author.id,
      authorName: author.name,
      authorIsBot: author.bot,
      content,
      attachments,
      createdAt: ms,
      editedAt: random() < 0.08 ? ms + 60_000 : null,
      replyToId,
      embeds,
      stickers: random() < 0.005 ? [{ id: '1100000000000000501', name: 'wave', format: 'png' }] : [],
      reactions,
    });
    if (n > 0 && n % 250 === 0) {
      const kind = pickFrom(random, ['member_added', 'timer_paused', 'timer_resumed', 'assigned'] as const);
      events.push({
        key: `e${n}-${kind}`,
        kind,
        actorId: STAFF.id,
        at: ms + 1,
        data: kind === 'member_added' ? { memberId: MEMBER2.id } : kind === 'assigned' ? { assigneeId: STAFF.id } : {},
      });
    }
  }
  const closedAt = ms + 3600_000;
  const source: TranscriptSource = {
    guildName: 'Northwind Hosting',
    ticket: {
      guildId: SYNTHETIC_GUILD_ID,
      number: 42,
      typeName: 'Billing',
      creatorId: CREATOR.id,
      creatorName: CREATOR.name,
      assigneeId: STAFF.id,
      threadId: '1100000000000000999',
      openedAt,
    },
    closure: { reason: 'Refund issued; customer confirmed.', closedById: STAFF.id, closedAt, automatic: false },
    answers: [
      { question: 'What is your order number?', answer: 'NW-2026-11-0042' },
      { question: 'Describe the problem', answer: 'I was **charged twice** for the November renewal.' },
    ],
    messages,
    events,
    users: [...SYNTHETIC_USERS],
    roles: SYNTHETIC_ROLES,
    channels: SYNTHETIC_CHANNELS,
  };
  return { source, media: savedMediaFor(source) };
}

/** Media keys as copy-in would produce them, without downloading: content stands in for the URL's hash. */
function savedMediaFor(source: TranscriptSource): Map<string, MediaCopy> {
  const key = transcriptKey({ guildId: source.ticket.guildId, number: source.ticket.number });
  const media = new Map<string, MediaCopy>();
  for (const item of collectMedia(source)) {
    const hash = createHash('sha256').update(item.url).digest('hex');
    media.set(item.url, {
      key: `${key}/media/${hash}.${extensionFor(item.contentType ?? 'image/png')}`,
      unsaved: null,
    });
  }
  return media;
}
