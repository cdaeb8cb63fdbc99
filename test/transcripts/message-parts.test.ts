import { describe, expect, it } from 'vitest';
import { placeholderMediaResolver } from '../../transcripts/media-resolver.ts';
import type { SystemKind, TranscriptEmbed } from '../../transcripts/schema.ts';
import {
  ALICE,
  BOB,
  BOT,
  mediaKeyFor,
  message,
  OPENED_AT,
  PARTY_EMOJI,
  render,
  renderMain,
  ticketFacts,
  transcriptOf,
} from './fixtures.ts';

const MEDIA = 'https://media.transcripts.test/';

function embed(overrides: Partial<TranscriptEmbed> = {}): TranscriptEmbed {
  return {
    title: null,
    url: null,
    description: null,
    color: null,
    author: null,
    fields: [],
    footer: null,
    timestamp: null,
    image: null,
    thumbnail: null,
    ...overrides,
  };
}

describe('document', () => {
  it('is one self-contained page with a strict Content-Security-Policy', async () => {
    const html = await render(transcriptOf({ messages: [message({ content: 'hi' })] }));
    expect(html.startsWith('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https://media.transcripts.test; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    );
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).not.toMatch(/<script|<link|@import|@font-face|url\((?!"https:\/\/media\.transcripts\.test\/)/);
    expect(html).toContain('@media (prefers-color-scheme:light)');
    expect(html).toContain('@media (max-width:600px)');
    expect(html).toContain('@media print');
    expect(html.endsWith('</footer></body></html>')).toBe(true);
  });

  it('lets images load from nowhere when nothing resolves', async () => {
    const html = await render(transcriptOf({ messages: [] }), placeholderMediaResolver);
    expect(html).toContain("img-src 'none';");
  });

  it("shows the ticket's facts and answers in the header", async () => {
    const html = await render(transcriptOf({ messages: [message({ content: 'one' }), message({ content: 'two' })] }));
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(html).toContain('<title>Ticket #0007 · Billing · Northwind</title>');
    expect(header).toContain('<div class="gn">Northwind</div><h1>Ticket #0007 <span>· Billing</span></h1>');
    for (const [label, value] of [
      ['Opened by', 'Alice Member'],
      ['Assigned to', 'Bob Staff'],
      ['Opened', '<time datetime="2026-11-20T14:00:00Z">November 20, 2026 at 2:00 PM UTC</time>'],
      ['Closed', '<time datetime="2026-11-21T09:30:00Z">November 21, 2026 at 9:30 AM UTC</time>'],
      ['Closed by', 'Bob Staff'],
      ['Open for', '19 h 30 min'],
      ['Messages', '2'],
    ]) {
      expect(header).toContain(`<dt>${label}</dt><dd>${value}</dd>`);
    }
    expect(header).toContain('<div class="wide"><dt>Close reason</dt><dd>Refund issued</dd></div>');
    expect(header).toContain('<h2>Answers</h2><dl><dt>Order number?</dt><dd>NW-1</dd></dl>');
  });

  it('says when the inactivity timer closed the ticket, without a reason', async () => {
    const html = await render(
      transcriptOf({
        ticket: ticketFacts({
          closedById: null,
          automaticClose: true,
          closeReason: null,
          assigneeId: null,
          answers: [],
        }),
        messages: [],
      }),
    );
    expect(html).toContain('<dt>Closed by</dt><dd>Inactivity timer</dd>');
    expect(html).toContain('<dt>Close reason</dt><dd>None given</dd>');
    expect(html).toContain('<dt>Assigned to</dt><dd>Nobody</dd>');
    expect(html).not.toContain('Answers');
  });

  it('gives each user a colour and an avatar (or initial) once, in the stylesheet', async () => {
    const html = await render(transcriptOf({ messages: [] }));
    expect(html).toContain(`.u0{--uc:var(--hd)}.u0 .av{background-image:url("${MEDIA}${ALICE.avatarKey}")}`);
    expect(html).toContain('.u1{--uc:#3498db}.u1 .av::before{content:"B"}');
    expect(html).toContain('.r0{color:#e91e63;');
  });
});

describe('messages', () => {
  it('groups consecutive messages of one author, as Discord does', async () => {
    const first = message({ content: 'first', createdAt: OPENED_AT + 1000 });
    const second = message({ content: 'second', createdAt: OPENED_AT + 120_000 });
    const later = message({ content: 'much later', createdAt: OPENED_AT + 20 * 60_000 });
    const fromBob = message({ content: 'staff', authorId: BOB.id, createdAt: OPENED_AT + 21 * 60_000 });
    const main = await renderMain([first, second, later, fromBob]);
    expect(main).toBe(
      `<article class="g u0"><i class="av"></i><h3><span class="au">Alice Member</span><time>11/20/2026 2:00 PM</time></h3><div class="m" id="m-${first.id}">first</div>` +
        `<div class="m" id="m-${second.id}"><span class="st">2:02 PM</span>second</div></article>` +
        `<article class="g u0"><i class="av"></i><h3><span class="au">Alice Member</span><time>11/20/2026 2:20 PM</time></h3><div class="m" id="m-${later.id}">much later</div></article>` +
        `<article class="g u1"><i class="av"></i><h3><span class="au">Bob Staff</span><time>11/20/2026 2:21 PM</time></h3><div class="m" id="m-${fromBob.id}">staff</div></article>`,
    );
  });

  it('tags bots and marks edits with their time', async () => {
    const main = await renderMain([
      message({ authorId: BOT.id, content: 'beep', editedAt: Date.UTC(2026, 10, 20, 15, 0, 5) }),
    ]);
    expect(main).toContain('<span class="au">Ticketflow</span><span class="bt">BOT</span>');
    expect(main).toContain(
      'beep <span class="edt" title="Friday, November 20, 2026 at 3:00:05 PM UTC">(edited)</span>',
    );
  });

  it('links a reply to the message it answers, and says when that one is gone', async () => {
    const original = message({ authorId: BOB.id, content: 'Have you tried **restarting**?' });
    const answer = message({
      content: 'yes',
      reply: { messageId: original.id, authorId: BOB.id, excerpt: 'Have you tried **restarting**?' },
    });
    const orphan = message({
      content: 'what?',
      reply: { messageId: '910000000000099999', authorId: null, excerpt: null },
    });
    const main = await renderMain([original, answer, orphan]);
    expect(main).toContain(
      `<article class="g u0"><a class="rp" href="#m-${original.id}"><span class="rpa u1">@Bob Staff</span> Have you tried <strong>restarting</strong>?</a>`,
    );
    expect(main).toContain(`id="m-${original.id}"`);
    expect(main).toContain('<div class="rp gone">Original message was deleted</div>');
  });

  it('renders embeds with author, linked title, description, fields, image, thumbnail and footer', async () => {
    const main = await renderMain([
      message({
        authorId: BOT.id,
        embeds: [
          embed({
            title: 'Invoice **paid**',
            url: 'https://panel.example.com/i/1',
            description: 'Total: `12.00 EUR`',
            color: 0x57f287,
            author: { name: 'Billing', url: 'https://panel.example.com', iconKey: mediaKeyFor('ic') },
            fields: [
              { name: 'Plan', value: 'Premium', inline: true },
              { name: 'Period', value: '*November*', inline: true },
              { name: 'Note', value: 'Thanks!', inline: false },
            ],
            footer: { text: 'Ticketflow', iconKey: null },
            timestamp: Date.UTC(2026, 10, 20, 15, 0, 0),
            image: { key: mediaKeyFor('im'), unsaved: null },
            thumbnail: { key: null, unsaved: 'too_large' },
          }),
        ],
      }),
    ]);
    expect(main).toContain('<div class="em" style="--ec:#57f287"><div class="eb">');
    expect(main).toContain(
      `<div class="ea"><img class="eic" src="${MEDIA}${mediaKeyFor('ic')}" alt=""><a class="ean" href="https://panel.example.com/">Billing</a></div>`,
    );
    expect(main).toContain(
      '<div class="et"><a class="etl" href="https://panel.example.com/i/1">Invoice <strong>paid</strong></a></div>',
    );
    expect(main).toContain('<div class="ed">Total: <code>12.00 EUR</code></div>');
    expect(main).toContain(
      '<div class="ef"><div class="fi"><div class="fn">Plan</div><div class="fv">Premium</div></div><div class="fi"><div class="fn">Period</div><div class="fv"><em>November</em></div></div><div class="fl"><div class="fn">Note</div><div class="fv">Thanks!</div></div></div>',
    );
    expect(main).toContain(`<img class="eim" src="${MEDIA}${mediaKeyFor('im')}" alt="" loading="lazy">`);
    expect(main).toContain(
      '<div class="eft">Ticketflow · <time class="ts" datetime="2026-11-20T15:00:00Z">November 20, 2026 at 3:00 PM</time></div>',
    );
    expect(main).toContain('<div class="eth miss">Image · Not saved: larger than the per-file limit</div>');
  });

  it('shows an embed URL that is not http(s) as text', async () => {
    const main = await renderMain([message({ embeds: [embed({ title: 'x', url: 'javascript:alert(1)' })] })]);
    expect(main).toContain('<div class="et"><span class="etl">x</span></div>');
  });

  it('shows saved images inline, other saved files as links, and unsaved ones as named placeholders', async () => {
    const image = { id: '910000000000000801', name: 'shot.png', size: 123_456, contentType: 'image/png' };
    const main = await renderMain([
      message({
        attachments: [
          { ...image, key: mediaKeyFor('s1'), unsaved: null },
          {
            ...image,
            id: '910000000000000802',
            name: 'logs.txt',
            contentType: 'text/plain',
            size: 900,
            key: mediaKeyFor('s2', 'txt'),
            unsaved: null,
          },
          {
            ...image,
            id: '910000000000000803',
            name: 'vector.svg',
            contentType: 'image/svg+xml',
            size: 2048,
            key: mediaKeyFor('s3', 'bin'),
            unsaved: null,
          },
          {
            ...image,
            id: '910000000000000804',
            name: 'huge.zip',
            contentType: 'application/zip',
            size: 300 * 1024 * 1024,
            key: null,
            unsaved: 'too_large',
          },
          {
            ...image,
            id: '910000000000000805',
            name: 'late.mp4',
            contentType: 'video/mp4',
            size: 5_000_000,
            key: null,
            unsaved: 'ticket_cap',
          },
          { ...image, id: '910000000000000806', name: 'gone.png', key: null, unsaved: 'fetch_failed' },
          {
            ...image,
            id: '910000000000000807',
            name: 'odd.bin',
            contentType: null,
            size: 10,
            key: null,
            unsaved: 'host_not_allowed',
          },
        ],
      }),
    ]);
    expect(main).toContain(
      `<figure class="at im"><a href="${MEDIA}${mediaKeyFor('s1')}"><img src="${MEDIA}${mediaKeyFor('s1')}" alt="shot.png" loading="lazy"></a><figcaption>shot.png · 121 KB · image/png</figcaption></figure>`,
    );
    expect(main).toContain(
      `<a class="an" href="${MEDIA}${mediaKeyFor('s2', 'txt')}">logs.txt</a><div class="as">900 B · text/plain</div>`,
    );
    expect(main).toContain(`<a class="an" href="${MEDIA}${mediaKeyFor('s3', 'bin')}">vector.svg</a>`);
    expect(main).not.toContain(`<img src="${MEDIA}${mediaKeyFor('s3', 'bin')}"`);
    expect(main).toContain(
      '<div class="an">huge.zip</div><div class="as">300 MB · application/zip · Not saved: larger than the per-file limit</div>',
    );
    expect(main).toContain(
      '<div class="an">late.mp4</div><div class="as">4.8 MB · video/mp4 · Not saved: the ticket reached its storage limit</div>',
    );
    expect(main).toContain(
      '<div class="an">gone.png</div><div class="as">121 KB · image/png · Not saved: the download failed</div>',
    );
    expect(main).toContain(
      '<div class="an">odd.bin</div><div class="as">10 B · Not saved: not hosted by Discord</div>',
    );
  });

  it('shows a saved file as a placeholder where the resolver cannot serve it', async () => {
    const html = await render(
      transcriptOf({
        messages: [
          message({
            attachments: [
              {
                id: '910000000000000801',
                name: 'a.png',
                size: 1,
                contentType: 'image/png',
                key: mediaKeyFor('x'),
                unsaved: null,
              },
            ],
          }),
        ],
      }),
      placeholderMediaResolver,
    );
    expect(html).toContain(
      '<div class="an">a.png</div><div class="as">1 B · image/png · Saved copy not available here</div>',
    );
  });

  it('renders stickers and reactions', async () => {
    const main = await renderMain([
      message({
        stickers: [
          { id: '910000000000000901', name: 'wave', format: 'png', key: mediaKeyFor('st'), unsaved: null },
          { id: '910000000000000902', name: 'dance', format: 'lottie', key: null, unsaved: null },
          { id: '910000000000000903', name: 'gone', format: 'gif', key: null, unsaved: 'fetch_failed' },
        ],
        reactions: [
          { emoji: { id: null, name: '👍', animated: false }, count: 3 },
          { emoji: { id: PARTY_EMOJI.id, name: 'party', animated: true }, count: 1 },
        ],
      }),
    ]);
    expect(main).toContain(
      `<img class="stk" src="${MEDIA}${mediaKeyFor('st')}" alt="Sticker: wave" title="wave" loading="lazy">`,
    );
    expect(main).toContain('<div class="stk miss">Sticker: dance</div>');
    expect(main).toContain('<div class="stk miss">Sticker: gone</div>');
    expect(main).toContain(
      `<div class="rx"><span class="r">👍 3</span><span class="r"><img class="emj" src="${MEDIA}${PARTY_EMOJI.key}" alt=":party:"> 1</span></div>`,
    );
  });

  it('states each ticket event in words', async () => {
    const expected: Record<SystemKind, string> = {
      opened: '<strong>Alice Member</strong> opened the ticket.',
      assigned: '<strong>Bob Staff</strong> assigned the ticket to <strong>Bob Staff</strong>.',
      unassigned: '<strong>Bob Staff</strong> unassigned the ticket.',
      member_added: '<strong>Bob Staff</strong> added <strong>Alice Member</strong> to the ticket.',
      timer_paused: '<strong>Bob Staff</strong> paused the inactivity timer.',
      timer_resumed: '<strong>Bob Staff</strong> resumed the inactivity timer.',
      timer_disabled: '<strong>Bob Staff</strong> turned the inactivity timer off.',
      reminder_sent: 'A reminder was sent to staff.',
      warning_sent: 'An inactivity warning was sent.',
      closed: '<strong>Bob Staff</strong> closed the ticket.',
      reopened: '<strong>Bob Staff</strong> reopened the ticket.',
      rated: '<strong>Bob Staff</strong> rated the ticket.',
    };
    for (const [kind, text] of Object.entries(expected) as [SystemKind, string][]) {
      const actor = kind === 'opened' ? ALICE.id : BOB.id;
      const subjectId = kind === 'assigned' ? BOB.id : kind === 'member_added' ? ALICE.id : null;
      const entry = message({ id: `event:k-${kind}`, authorId: actor, system: { kind, subjectId } });
      const main = await renderMain([entry]);
      expect(main).toBe(
        `<div class="sys" id="m-event:k-${kind}">${text} <time datetime="${new Date(entry.createdAt).toISOString().replace('.000', '')}">11/20/2026 2:00 PM</time></div>`,
      );
    }
    const automatic = await renderMain([
      message({ id: 'event:auto', authorId: null, system: { kind: 'closed', subjectId: null } }),
    ]);
    expect(automatic).toContain('The ticket was closed for inactivity.');
  });

  it('shows a rating with its stars and its comment, escaped', async () => {
    const rated = (comment: string | null) =>
      message({
        id: 'event:rated',
        authorId: ALICE.id,
        system: { kind: 'rated', subjectId: null, rating: { stars: 4, comment } },
      });
    expect(await renderMain([rated('Quick <b>help</b> & kind')])).toContain(
      '<strong>Alice Member</strong> rated the ticket ★★★★☆ (4 of 5): “Quick &lt;b&gt;help&lt;/b&gt; &amp; kind”. <time',
    );
    expect(await renderMain([rated(null)])).toContain(
      '<strong>Alice Member</strong> rated the ticket ★★★★☆ (4 of 5). <time',
    );
  });
});
