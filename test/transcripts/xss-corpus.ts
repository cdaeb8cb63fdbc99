/**
 * Hostile strings, and a transcript that carries one in every field a user, a bot or a guild admin controls:
 * names, titles, texts, URLs, file names and types, emoji and sticker names, the reply excerpt.
 */
import type { Transcript, TranscriptMessage } from '../../transcripts/schema.ts';
import { GUILD_ID, mediaKeyFor, message, OPENED_AT, ticketFacts, transcriptOf } from './fixtures.ts';

export const EXFIL_HOST = 'exfil.transcripts.test';

export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'vbscript:msgbox(1)',
  '</style><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<!--<script>alert(1)//-->',
  '<style>body{background:url(https://exfil.transcripts.test/css)}</style>',
  '<link rel=stylesheet href=https://exfil.transcripts.test/x.css>',
  '<meta http-equiv="refresh" content="0;url=https://exfil.transcripts.test/refresh">',
  '<base href="https://exfil.transcripts.test/">',
  '<form action=https://exfil.transcripts.test/f><button>x</button></form>',
  '<object data=https://exfil.transcripts.test/o></object>',
  '<embed src=https://exfil.transcripts.test/e>',
  '<img src=https://exfil.transcripts.test/i.png>',
  '<video poster=https://exfil.transcripts.test/p.png></video>',
  '" style="background:url(https://exfil.transcripts.test/s)" x="',
  "' style='background:url(https://exfil.transcripts.test/s)' x='",
  '--uc:red;background:url(https://exfil.transcripts.test/v)',
  '\\"; background:url(https://exfil.transcripts.test/c); \\"',
  'expression(alert(1))',
  '\u0000<scr\u0000ipt>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<xmp><script>alert(1)</script></xmp>',
  '<plaintext><script>alert(1)</script>',
  '<template><script>alert(1)</script></template>',
  '\uD800<script>alert(1)</script>\uDFFF',
  '\u202Egnp.exe',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](https://ok.transcripts.test/"onmouseover="alert(1))',
  '[x](https://ok.transcripts.test/ "title" onmouseover=alert(1))',
  '<javascript:alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```"><script>alert(1)</script>\ncode```',
  '||<img src=x onerror=alert(1)>||',
  '**<svg/onload=alert(1)>**',
  '> <script>alert(1)</script>',
  '# <img src=x onerror=alert(1)>',
  '- <script>alert(1)</script>',
  'https://ok.transcripts.test/"><script>alert(1)</script>',
  'https://ok.transcripts.test/<img src=x onerror=alert(1)>',
  '<https://ok.transcripts.test/"onmouseover=alert(1)>',
  '<t:99999999999999999999:R> <t:-1:R> <t:1:Z>',
  '<:a"onerror=alert(1):123456789012345678> <a:x:1> <@!<script>>',
];

const HOSTILE_USER = '900000000000000666';
const PLAIN_USER = '900000000000000667';
const HOSTILE_ROLE = '900000000000000668';
const HOSTILE_CHANNEL = '900000000000000669';
const HOSTILE_EMOJI = '900000000000000670';

const short = (payload: string) => payload.slice(0, 64);

export function hostileTranscript(payload: string): Transcript {
  const original = message({ authorId: HOSTILE_USER, content: payload, createdAt: OPENED_AT + 1000 });
  const messages: TranscriptMessage[] = [
    original,
    message({
      authorId: PLAIN_USER,
      createdAt: OPENED_AT + 2000,
      content: `<@${HOSTILE_USER}> <@&${HOSTILE_ROLE}> <#${HOSTILE_CHANNEL}> <:x:${HOSTILE_EMOJI}> ${payload} **${payload}** [${payload}](https://ok.transcripts.test/)`,
      reply: { messageId: original.id, authorId: HOSTILE_USER, excerpt: payload.slice(0, 200) },
      editedAt: OPENED_AT + 3000,
      embeds: [
        {
          title: payload,
          url: payload,
          description: payload,
          color: 0xff0000,
          author: { name: payload, url: payload, iconKey: mediaKeyFor('icon') },
          fields: [
            { name: payload, value: payload, inline: true },
            { name: payload, value: payload, inline: false },
          ],
          footer: { text: payload, iconKey: null },
          timestamp: OPENED_AT,
          image: { key: null, unsaved: 'fetch_failed' },
          thumbnail: { key: mediaKeyFor('thumb'), unsaved: null },
        },
      ],
      attachments: [
        {
          id: '900000000000000701',
          name: payload,
          size: 1234,
          contentType: short(payload),
          key: mediaKeyFor('a'),
          unsaved: null,
        },
        {
          id: '900000000000000702',
          name: payload,
          size: 1234,
          contentType: 'image/png',
          key: mediaKeyFor('b'),
          unsaved: null,
        },
        { id: '900000000000000703', name: payload, size: 1234, contentType: null, key: null, unsaved: 'too_large' },
      ],
      stickers: [{ id: '900000000000000704', name: short(payload), format: 'png', key: null, unsaved: 'fetch_failed' }],
      reactions: [
        { emoji: { id: null, name: short(payload), animated: false }, count: 2 },
        { emoji: { id: HOSTILE_EMOJI, name: short(payload), animated: false }, count: 1 },
      ],
    }),
    message({
      id: 'event:member_added-1',
      authorId: HOSTILE_USER,
      createdAt: OPENED_AT + 4000,
      system: { kind: 'member_added', subjectId: PLAIN_USER },
    }),
  ];
  return transcriptOf({
    ticket: ticketFacts({
      guildId: GUILD_ID,
      guildName: payload,
      typeName: payload,
      creatorId: HOSTILE_USER,
      assigneeId: PLAIN_USER,
      closedById: HOSTILE_USER,
      closeReason: payload,
      answers: [{ question: payload, answer: payload }],
    }),
    users: [
      { id: HOSTILE_USER, name: payload, avatarKey: null, roleColor: 0x00ff00, bot: false },
      {
        id: PLAIN_USER,
        name: `${payload} (with avatar)`,
        avatarKey: mediaKeyFor('avatar'),
        roleColor: null,
        bot: true,
      },
    ],
    roles: [{ id: HOSTILE_ROLE, name: payload, color: 0x123456 }],
    channels: [{ id: HOSTILE_CHANNEL, name: payload }],
    emojis: [{ id: HOSTILE_EMOJI, name: short(payload), animated: false, key: mediaKeyFor('emoji') }],
    messages,
  });
}

/** What a reader should see for hostile text: the same characters, with those HTML forbids shown as U+FFFD. */
export function visibleText(payload: string): string {
  return payload.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the renderer must replace.
    /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}
