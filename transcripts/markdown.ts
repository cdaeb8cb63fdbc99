/**
 * Discord markdown to HTML: the line-level constructs (block quotes, headers, subtext, lists) here, the
 * rest in markdown-inline.ts. Pure: the same text and context always give the same HTML.
 */

import { escapeHtml } from './escape.ts';
import { renderInline } from './markdown-inline.ts';
import type { RenderContext } from './render-context.ts';

const NEWLINE = 10;
const GREATER_THAN = 62;
const HASH = 35;
const DASH = 45;
const STAR = 42;
const SPACE = 32;

const HEADING = /(#{1,3}) +(?=\S)/y;
const SUBTEXT = /-# +(?=\S)/y;
const LIST_ITEM = /( *)([-*]|(\d{1,9})\.) +(?=\S)/y;

/** Characters any construct needs somewhere; text without them (and without a line-start marker) is plain. */
const ANY_SYNTAX = /[\\*_~|`<[@\n]|http/;
const LINE_START_SYNTAX = /^[>#\-*\d ]/;

/** A message's content, an embed description or a field value. */
export function renderMarkdown(src: string, ctx: RenderContext): string {
  if (!ANY_SYNTAX.test(src) && !LINE_START_SYNTAX.test(src)) return escapeHtml(src);
  return blocks(src, ctx, true);
}

/** Titles and field names: inline constructs only. */
export function renderMarkdownLine(src: string, ctx: RenderContext): string {
  return renderInline(src, 0, src.length, ctx, { links: true });
}

function lineEnd(src: string, from: number): number {
  const newline = src.indexOf('\n', from);
  return newline === -1 ? src.length : newline;
}

/** The end of a paragraph line: a code block that starts on it may run over several lines. */
function logicalLineEnd(src: string, from: number): number {
  let i = from;
  for (;;) {
    const end = lineEnd(src, i);
    const fence = src.indexOf('```', i);
    if (fence === -1 || fence >= end) return end;
    const close = src.indexOf('```', fence + 3);
    if (close === -1) return end;
    i = close + 3;
  }
}

function matchAt(pattern: RegExp, src: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(src);
}

function blocks(src: string, ctx: RenderContext, allowQuotes: boolean): string {
  let out = '';
  let needsBreak = false;
  let pos = 0;
  const length = src.length;
  while (pos < length) {
    const first = src.charCodeAt(pos);
    if (allowQuotes && first === GREATER_THAN && (src.startsWith('> ', pos) || src.startsWith('>>> ', pos))) {
      if (src.startsWith('>>> ', pos)) {
        out += `<blockquote>${blocks(src.slice(pos + 4), ctx, false)}</blockquote>`;
        return out;
      }
      const quoted: string[] = [];
      while (pos < length && src.startsWith('> ', pos)) {
        const end = lineEnd(src, pos);
        quoted.push(src.slice(pos + 2, end));
        pos = end + 1;
      }
      out += `<blockquote>${blocks(quoted.join('\n'), ctx, false)}</blockquote>`;
      needsBreak = false;
      continue;
    }
    if (first === HASH) {
      const match = matchAt(HEADING, src, pos);
      if (match) {
        const level = (match[1] as string).length;
        const end = lineEnd(src, pos);
        out += `<h${level}>${renderInline(src, HEADING.lastIndex, end, ctx, { links: true })}</h${level}>`;
        pos = end + 1;
        needsBreak = false;
        continue;
      }
    }
    if (first === DASH || first === STAR || first === SPACE || (first >= 48 && first <= 57)) {
      if (first === DASH && matchAt(SUBTEXT, src, pos)) {
        const end = lineEnd(src, pos);
        out += `<div class="sub">${renderInline(src, SUBTEXT.lastIndex, end, ctx, { links: true })}</div>`;
        pos = end + 1;
        needsBreak = false;
        continue;
      }
      const list = listAt(src, pos, ctx);
      if (list !== null) {
        out += list.html;
        pos = list.next;
        needsBreak = false;
        continue;
      }
    }
    const end = first === NEWLINE ? pos : logicalLineEnd(src, pos);
    const line = renderInline(src, pos, end, ctx, { links: true });
    // A code block is a block of its own: no line break around it, as in Discord.
    if (needsBreak && !line.startsWith('<pre')) out += '<br>';
    out += line;
    needsBreak = !line.endsWith('</pre>');
    pos = end + 1;
  }
  return out;
}

interface ListItem {
  indent: number;
  ordered: boolean;
  number: number;
  contentStart: number;
  contentEnd: number;
}

function listAt(src: string, pos: number, ctx: RenderContext): { html: string; next: number } | null {
  const items: ListItem[] = [];
  let at = pos;
  while (at < src.length) {
    const match = matchAt(LIST_ITEM, src, at);
    if (!match) break;
    const end = lineEnd(src, at);
    items.push({
      indent: (match[1] as string).length,
      ordered: match[3] !== undefined,
      number: match[3] === undefined ? 1 : Number(match[3]),
      contentStart: LIST_ITEM.lastIndex,
      contentEnd: end,
    });
    at = end + 1;
  }
  if (items.length === 0) return null;
  return { html: lists(src, items, 0, items.length, ctx), next: at };
}

/** items[from..to) as consecutive lists: a new one starts where ordered and unordered items meet. */
function lists(src: string, items: ListItem[], from: number, to: number, ctx: RenderContext): string {
  let out = '';
  let i = from;
  while (i < to) {
    const head = items[i] as ListItem;
    let html = head.ordered ? (head.number === 1 ? '<ol>' : `<ol start="${head.number}">`) : '<ul>';
    while (i < to && (items[i] as ListItem).ordered === head.ordered) {
      const item = items[i] as ListItem;
      // Deeper-indented items that follow nest under this one.
      let j = i + 1;
      while (j < to && (items[j] as ListItem).indent > item.indent) j++;
      html += `<li>${renderInline(src, item.contentStart, item.contentEnd, ctx, { links: true })}`;
      if (j > i + 1) html += lists(src, items, i + 1, j, ctx);
      html += '</li>';
      i = j;
    }
    out += html + (head.ordered ? '</ol>' : '</ul>');
  }
  return out;
}
