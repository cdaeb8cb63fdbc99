import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../transcripts/markdown.ts';
import { placeholderMediaResolver } from '../../transcripts/media-resolver.ts';
import { createRenderContext } from '../../transcripts/render-context.ts';
import { asTranscriptStream } from '../../transcripts/render-html.ts';
import { ALICE, BOB, CLOSED_AT, HELP_CHANNEL, PARTY_EMOJI, STAFF_ROLE, testMedia, transcriptOf } from './fixtures.ts';

const { header } = asTranscriptStream(transcriptOf({ messages: [] }));
const ctx = createRenderContext(header, { media: testMedia });
const md = (text: string) => renderMarkdown(text, ctx);
const closedSeconds = CLOSED_AT / 1000;

describe('Discord markdown: emphasis and spans', () => {
  it.each([
    ['**bold**', '<strong>bold</strong>'],
    ['*italic*', '<em>italic</em>'],
    ['_italic_', '<em>italic</em>'],
    ['__underline__', '<u>underline</u>'],
    ['~~struck~~', '<s>struck</s>'],
    ['||secret||', '<span class="sp" tabindex="0">secret</span>'],
    ['***both***', '<strong><em>both</em></strong>'],
    ['__*underlined italic*__', '<u><em>underlined italic</em></u>'],
    ['**bold with *italic* inside**', '<strong>bold with <em>italic</em> inside</strong>'],
    ['||**bold secret**||', '<span class="sp" tabindex="0"><strong>bold secret</strong></span>'],
  ])('%s', (text, html) => {
    expect(md(text)).toBe(html);
  });

  it('leaves snake_case words, lone stars and unclosed delimiters as text', () => {
    expect(md('a_snake_case_name')).toBe('a_snake_case_name');
    expect(md('2 * 3 * 4')).toBe('2 * 3 * 4');
    expect(md('**never closed')).toBe('**never closed');
    expect(md('~single~ |single|')).toBe('~single~ |single|');
  });

  it('honours backslash escapes', () => {
    expect(md('\\*not italic\\*')).toBe('*not italic*');
    expect(md('\\<@123>')).toBe('&lt;@123&gt;');
  });
});

describe('Discord markdown: code', () => {
  it('renders inline code without formatting inside', () => {
    expect(md('run `npm **install**` now')).toBe('run <code>npm **install**</code> now');
    expect(md('``code with ` tick``')).toBe('<code>code with ` tick</code>');
  });

  it('renders code blocks with the language named and content escaped', () => {
    expect(md('```ts\nconst a = 1 < 2 && "x";\n```')).toBe(
      '<pre class="cb"><span class="lang">ts</span><code>const a = 1 &lt; 2 &amp;&amp; &#34;x&#34;;</code></pre>',
    );
    expect(md('```\nno language\n```')).toBe('<pre class="cb"><code>no language</code></pre>');
    expect(md('```one line```')).toBe('<pre class="cb"><code>one line</code></pre>');
  });

  it('keeps a code block whole across lines and markdown-like content', () => {
    expect(md('before\n```md\n# not a heading\n> not a quote\n- not a list\n```\nafter')).toBe(
      'before<pre class="cb"><span class="lang">md</span><code># not a heading\n&gt; not a quote\n- not a list</code></pre>after',
    );
  });
});

describe('Discord markdown: blocks', () => {
  it('renders block quotes, single and to the end', () => {
    expect(md('> quoted\n> still\nplain')).toBe('<blockquote>quoted<br>still</blockquote>plain');
    expect(md('intro\n>>> all of\nthe rest')).toBe('intro<blockquote>all of<br>the rest</blockquote>');
    expect(md('>not a quote')).toBe('&gt;not a quote');
  });

  it('renders headers and subtext at line starts only', () => {
    expect(md('# One\n## Two\n### Three')).toBe('<h1>One</h1><h2>Two</h2><h3>Three</h3>');
    expect(md('-# small print')).toBe('<div class="sub">small print</div>');
    expect(md('#hashtag and #### four')).toBe('#hashtag and #### four');
  });

  it('renders lists, nested and numbered', () => {
    expect(md('- one\n- two\n  - nested\n* three')).toBe(
      '<ul><li>one</li><li>two<ul><li>nested</li></ul></li><li>three</li></ul>',
    );
    expect(md('3. third\n4. fourth')).toBe('<ol start="3"><li>third</li><li>fourth</li></ol>');
    expect(md('- bullet\n1. number')).toBe('<ul><li>bullet</li></ul><ol><li>number</li></ol>');
  });

  it('turns line breaks into <br>', () => {
    expect(md('a\nb\n\nc')).toBe('a<br>b<br><br>c');
  });
});

describe('Discord markdown: links', () => {
  it('links plain http(s) URLs without trailing punctuation', () => {
    expect(md('see https://example.com/a?b=1&c=2.')).toBe(
      'see <a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>.',
    );
    expect(md('(https://en.wikipedia.org/wiki/Foo_(bar))')).toBe(
      '(<a href="https://en.wikipedia.org/wiki/Foo_(bar)">https://en.wikipedia.org/wiki/Foo_(bar)</a>)',
    );
    expect(md('<https://no-embed.example/>')).toBe('<a href="https://no-embed.example/">https://no-embed.example/</a>');
  });

  it('renders masked links with formatted text and the target in the title', () => {
    expect(md('[the **guide**](https://help.example.org/x)')).toBe(
      '<a href="https://help.example.org/x" title="https://help.example.org/x">the <strong>guide</strong></a>',
    );
  });

  it('keeps only http(s) targets', () => {
    for (const target of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.test/x', 'ftp://x.test/']) {
      expect(md(`[click](${target})`)).not.toContain('<a');
    }
  });
});

describe('Discord markdown: mentions, emoji, timestamps', () => {
  it('resolves user, role and channel mentions to names', () => {
    expect(md(`<@${ALICE.id}> <@!${BOB.id}>`)).toBe(
      `<span class="mn">@${ALICE.name}</span> <span class="mn">@${BOB.name}</span>`,
    );
    expect(md(`<@&${STAFF_ROLE.id}>`)).toBe('<span class="mn r0">@Support</span>');
    expect(md(`<#${HELP_CHANNEL.id}>`)).toBe('<span class="mn">#help-desk</span>');
    expect(md('@everyone @here @someone')).toBe(
      '<span class="mn">@everyone</span> <span class="mn">@here</span> @someone',
    );
    expect(md('</ticket close:123456789012345678>')).toBe('<span class="mn">/ticket close</span>');
  });

  it('names unknown users, roles and channels as Discord does', () => {
    expect(md('<@123456789012345678> <@&123456789012345678> <#123456789012345678>')).toBe(
      '<span class="mn">@unknown-user</span> <span class="mn">@deleted-role</span> <span class="mn">#unknown</span>',
    );
  });

  it('shows custom emoji as the stored image, or as their name without one', () => {
    expect(md(`<a:party:${PARTY_EMOJI.id}>`)).toBe(
      `<img class="emj" src="https://media.transcripts.test/${PARTY_EMOJI.key}" alt=":party:">`,
    );
    const unsaved = createRenderContext(header, { media: placeholderMediaResolver });
    expect(renderMarkdown(`<a:party:${PARTY_EMOJI.id}> <:other:123456789012345678>`, unsaved)).toBe(
      '<span class="emt">:party:</span> <span class="emt">:other:</span>',
    );
  });

  it('renders every timestamp style, R relative to the close', () => {
    const at = Date.UTC(2026, 10, 20, 16, 5, 9) / 1000;
    const title = ' title="Friday, November 20, 2026 at 4:05:09 PM UTC"';
    const tag = (text: string, withTitle = true) =>
      `<time class="ts" datetime="2026-11-20T16:05:09Z"${withTitle ? title : ''}>${text}</time>`;
    expect(md(`<t:${at}:t>`)).toBe(tag('4:05 PM'));
    expect(md(`<t:${at}:T>`)).toBe(tag('4:05:09 PM'));
    expect(md(`<t:${at}:d>`)).toBe(tag('11/20/2026'));
    expect(md(`<t:${at}:D>`)).toBe(tag('November 20, 2026'));
    expect(md(`<t:${at}:f>`)).toBe(tag('November 20, 2026 at 4:05 PM', false));
    expect(md(`<t:${at}>`)).toBe(tag('November 20, 2026 at 4:05 PM', false));
    expect(md(`<t:${at}:F>`)).toBe(tag('Friday, November 20, 2026 at 4:05 PM', false));
    expect(md(`<t:${at}:R>`)).toBe(tag('17 hours ago'));
    expect(md(`<t:${closedSeconds + 3 * 86400}:R>`)).toContain('>in 3 days</time>');
    expect(md(`<t:${closedSeconds}:R>`)).toContain('>now</time>');
  });

  it('shows times in a configured zone', () => {
    const paris = createRenderContext(header, { media: testMedia, timeZone: 'Europe/Paris' });
    expect(renderMarkdown(`<t:${Date.UTC(2026, 6, 1, 12, 0, 0) / 1000}:t>`, paris)).toContain('>2:00 PM</time>');
    expect(renderMarkdown(`<t:${Date.UTC(2026, 11, 1, 12, 0, 0) / 1000}:t>`, paris)).toContain('>1:00 PM</time>');
  });

  it('leaves impossible timestamps as text', () => {
    expect(md('<t:99999999999999999>')).toBe('&lt;t:99999999999999999&gt;');
  });
});

describe('Discord markdown: escaping', () => {
  it('escapes markup and replaces characters a parser rejects', () => {
    expect(md('<b>"x" & \'y\'</b>')).toBe("&lt;b&gt;&#34;x&#34; &amp; 'y'&lt;/b&gt;");
    expect(md('nul\u0000 bell\u0007 lone\uD800 nonchar\uFFFF')).toBe('nul\uFFFD bell\uFFFD lone\uFFFD nonchar\uFFFD');
    expect(md('emoji 😀 stays')).toBe('emoji 😀 stays');
  });

  it('stays fast and bounded on pathological nesting', () => {
    const hostile = `${'*a '.repeat(3000)}${'||'.repeat(2000)}${'**'.repeat(2000)}`;
    const start = performance.now();
    const html = md(hostile);
    expect(performance.now() - start).toBeLessThan(500);
    expect(html.length).toBeGreaterThan(hostile.length / 2);
  });
});
