/**
 * Discord's inline markdown to HTML, in one left-to-right scan: emphasis, underline, strikethrough,
 * spoilers, code, code blocks, masked and plain links, and (through markdown-tags.ts) mentions, custom
 * emoji and timestamps. The matching follows the rules of Discord's parser (simple-markdown) closely enough that ordinary
 * messages look the same; anything that does not match is shown as the text it is, escaped.
 */
import { escapeHtml } from './escape.ts';
import {
  AT,
  BACKSLASH,
  BACKTICK,
  BRACKET,
  isAsciiPunctuation,
  isEscaped,
  isWhitespace,
  isWordChar,
  LESS_THAN,
  LOWER_H,
  PIPE,
  type Scan,
  STAR,
  TILDE,
  UNDERSCORE,
} from './markdown-chars.ts';
import { angle, everyone } from './markdown-tags.ts';
import type { RenderContext } from './render-context.ts';
import { safeHttpUrl } from './safe-url.ts';

/** Hostile text can nest `**__~~||...` deeply; past this depth delimiters are shown as text. */
const MAX_DEPTH = 8;

export interface InlineOptions {
  /** false inside a masked link's text, where Discord renders no further links. */
  links: boolean;
}

export function renderInline(
  src: string,
  start: number,
  end: number,
  ctx: RenderContext,
  options: InlineOptions,
): string {
  return inline({ src, ctx, next: 0 }, start, end, 0, options.links);
}

/** Where a construct may start: the regex engine skips plain text far faster than a loop over characters. */
const CANDIDATE = /[\\*_~|`<[@]|http/g;

function inline(scan: Scan, start: number, end: number, depth: number, links: boolean): string {
  const { src } = scan;
  let out = '';
  let textStart = start;
  let i = start;
  // Per delimiter, the position from which no closing one exists in [.., end): skips rescans on hostile input.
  const noCloseFrom: Record<string, number> = {};
  while (i < end) {
    CANDIDATE.lastIndex = i;
    const found = CANDIDATE.exec(src);
    if (found === null || found.index >= end) break;
    i = found.index;
    const html = construct(scan, src.charCodeAt(i), i, end, depth, links, noCloseFrom);
    if (html === null) {
      i++;
      continue;
    }
    if (textStart < i) out += escapeHtml(src.slice(textStart, i));
    out += html;
    i = scan.next;
    textStart = i;
  }
  if (textStart < end) out += escapeHtml(src.slice(textStart, end));
  return out;
}

function construct(
  scan: Scan,
  code: number,
  i: number,
  end: number,
  depth: number,
  links: boolean,
  noCloseFrom: Record<string, number>,
): string | null {
  const { src } = scan;
  const nextCode = src.charCodeAt(i + 1);
  switch (code) {
    case BACKSLASH:
      if (i + 1 < end && isAsciiPunctuation(nextCode)) {
        scan.next = i + 2;
        return escapeHtml(src[i + 1] as string);
      }
      return null;
    case BACKTICK:
      return code_(scan, i, end);
    case STAR:
      if (depth >= MAX_DEPTH) return null;
      if (nextCode === STAR)
        return wrapped(scan, i, end, '**', STAR, '<strong>', '</strong>', depth, links, noCloseFrom);
      return starEmphasis(scan, i, end, depth, links, noCloseFrom);
    case UNDERSCORE:
      if (depth >= MAX_DEPTH) return null;
      if (nextCode === UNDERSCORE)
        return wrapped(scan, i, end, '__', UNDERSCORE, '<u>', '</u>', depth, links, noCloseFrom);
      return underscoreEmphasis(scan, i, end, depth, links, noCloseFrom);
    case TILDE:
      if (depth >= MAX_DEPTH || nextCode !== TILDE) return null;
      return wrapped(scan, i, end, '~~', -1, '<s>', '</s>', depth, links, noCloseFrom);
    case PIPE:
      if (depth >= MAX_DEPTH || nextCode !== PIPE) return null;
      return wrapped(scan, i, end, '||', -1, '<span class="sp" tabindex="0">', '</span>', depth, links, noCloseFrom);
    case LESS_THAN:
      return angle(scan, i, end, links);
    case BRACKET:
      return links && depth < MAX_DEPTH ? maskedLink(scan, i, end, depth) : null;
    case AT:
      return everyone(scan, i);
    case LOWER_H:
      return links ? plainUrl(scan, i, end) : null;
    default:
      return null;
  }
}

/**
 * `open content close` where close is the first unescaped delimiter after at least one character that is not
 * followed by `forbidAfter` (so `**a***` closes on the last two stars, as Discord does).
 */
function wrapped(
  scan: Scan,
  i: number,
  end: number,
  delimiter: string,
  forbidAfter: number,
  openTag: string,
  closeTag: string,
  depth: number,
  links: boolean,
  noCloseFrom: Record<string, number>,
): string | null {
  const { src } = scan;
  const contentStart = i + delimiter.length;
  const known = noCloseFrom[delimiter];
  if (known !== undefined && contentStart + 1 >= known) return null;
  let j = src.indexOf(delimiter, contentStart + 1);
  while (j !== -1 && j + delimiter.length <= end) {
    const after = j + delimiter.length < end ? src.charCodeAt(j + delimiter.length) : -1;
    if (!isEscaped(src, j, contentStart) && (after !== forbidAfter || after === -1)) {
      const html = openTag + inline(scan, contentStart, j, depth + 1, links) + closeTag;
      scan.next = j + delimiter.length;
      return html;
    }
    j = src.indexOf(delimiter, j + 1);
  }
  noCloseFrom[delimiter] = contentStart + 1;
  return null;
}

/** `*text*`: opens before a non-space, closes on a star after a non-space, may hold `**bold**`. */
function starEmphasis(
  scan: Scan,
  i: number,
  end: number,
  depth: number,
  links: boolean,
  noCloseFrom: Record<string, number>,
): string | null {
  const { src } = scan;
  const contentStart = i + 1;
  if (contentStart >= end || isWhitespace(src.charCodeAt(contentStart))) return null;
  const known = noCloseFrom['*'];
  if (known !== undefined && contentStart >= known) return null;
  let j = contentStart + 1;
  while (j < end) {
    j = src.indexOf('*', j);
    if (j === -1 || j >= end) break;
    if (isEscaped(src, j, contentStart)) {
      j++;
      continue;
    }
    if (j + 1 < end && src.charCodeAt(j + 1) === STAR) {
      j += 2;
      continue;
    }
    if (!isWhitespace(src.charCodeAt(j - 1))) {
      const html = `<em>${inline(scan, contentStart, j, depth + 1, links)}</em>`;
      scan.next = j + 1;
      return html;
    }
    j++;
  }
  noCloseFrom['*'] = contentStart;
  return null;
}

/** `_text_`: only at word boundaries, so snake_case_names stay as they are. */
function underscoreEmphasis(
  scan: Scan,
  i: number,
  end: number,
  depth: number,
  links: boolean,
  noCloseFrom: Record<string, number>,
): string | null {
  const { src } = scan;
  if (i > 0 && isWordChar(src.charCodeAt(i - 1))) return null;
  const contentStart = i + 1;
  const known = noCloseFrom._;
  if (known !== undefined && contentStart >= known) return null;
  let j = contentStart + 1;
  while (j < end) {
    j = src.indexOf('_', j);
    if (j === -1 || j >= end) break;
    if (isEscaped(src, j, contentStart)) {
      j++;
      continue;
    }
    if (j + 1 < end && src.charCodeAt(j + 1) === UNDERSCORE) {
      j += 2;
      continue;
    }
    if (j + 1 < end && isWordChar(src.charCodeAt(j + 1))) return null;
    const html = `<em>${inline(scan, contentStart, j, depth + 1, links)}</em>`;
    scan.next = j + 1;
    return html;
  }
  noCloseFrom._ = contentStart;
  return null;
}

/** Inline code (one or two backticks) and code blocks (three). */
function code_(scan: Scan, i: number, end: number): string | null {
  const { src } = scan;
  let run = 1;
  while (i + run < end && src.charCodeAt(i + run) === BACKTICK) run++;
  if (run >= 3) {
    const close = src.indexOf('```', i + 3);
    if (close !== -1 && close + 3 <= end && close > i + 3) {
      scan.next = close + 3;
      return codeBlock(src.slice(i + 3, close));
    }
  }
  const width = run >= 2 ? 2 : 1;
  const delimiter = width === 2 ? '``' : '`';
  let j = src.indexOf(delimiter, i + width + 1);
  while (j !== -1 && j + width <= end) {
    if (j + width >= end || src.charCodeAt(j + width) !== BACKTICK) {
      scan.next = j + width;
      return `<code>${escapeHtml(src.slice(i + width, j))}</code>`;
    }
    j = src.indexOf(delimiter, j + 1);
  }
  // No closing run: the backticks are text.
  scan.next = i + run;
  return escapeHtml(src.slice(i, i + run));
}

const LANGUAGE = /^[A-Za-z0-9_+#.-]{1,32}$/;

function codeBlock(raw: string): string {
  let body = raw;
  let language = '';
  const newline = raw.indexOf('\n');
  if (newline !== -1) {
    const first = raw.slice(0, newline);
    if (LANGUAGE.test(first)) {
      language = first;
      body = raw.slice(newline + 1);
    } else if (first.trim() === '') {
      body = raw.slice(newline + 1);
    }
  }
  if (body.endsWith('\n')) body = body.slice(0, -1);
  const label = language === '' ? '' : `<span class="lang">${escapeHtml(language)}</span>`;
  return `<pre class="cb">${label}<code>${escapeHtml(body)}</code></pre>`;
}

/** `[text](https://...)`; the text is formatted but holds no further links. Unsafe targets stay text. */
function maskedLink(scan: Scan, i: number, end: number, depth: number): string | null {
  const { src } = scan;
  const textEnd = src.indexOf('](', i + 1);
  if (textEnd === -1 || textEnd + 2 >= end || textEnd === i + 1) return null;
  const label = src.slice(i + 1, textEnd);
  if (label.includes('\n') || label.includes('[')) return null;
  let j = textEnd + 2;
  let open = 1;
  for (; j < end; j++) {
    const code = src.charCodeAt(j);
    if (code === 40) open++;
    else if (code === 41 && --open === 0) break;
    else if (isWhitespace(code)) return null;
  }
  if (j >= end) return null;
  let target = src.slice(textEnd + 2, j);
  if (target.startsWith('<') && target.endsWith('>')) target = target.slice(1, -1);
  const url = safeHttpUrl(target);
  if (url === null) return null;
  const text = inline(scan, i + 1, textEnd, depth + 1, false);
  scan.next = j + 1;
  return `<a href="${escapeHtml(url)}" title="${escapeHtml(url)}">${text}</a>`;
}

const TRAILING_PUNCTUATION = '.,:;!?"\']';

/** A bare `http(s)://` URL ends at whitespace or `<`, without trailing punctuation or an unbalanced `)`. */
function plainUrl(scan: Scan, i: number, end: number): string | null {
  const { src } = scan;
  if (!(src.startsWith('https://', i) || src.startsWith('http://', i))) return null;
  if (i > 0 && isWordChar(src.charCodeAt(i - 1))) return null;
  let j = i;
  while (j < end) {
    const code = src.charCodeAt(j);
    if (isWhitespace(code) || code === LESS_THAN) break;
    j++;
  }
  let stop = j;
  for (;;) {
    const last = src[stop - 1] as string;
    if (TRAILING_PUNCTUATION.includes(last)) {
      stop--;
    } else if (last === ')') {
      const raw = src.slice(i, stop);
      if (raw.split('(').length >= raw.split(')').length) break;
      stop--;
    } else {
      break;
    }
  }
  const raw = src.slice(i, stop);
  const url = safeHttpUrl(raw);
  if (url === null || raw.length <= 'https://'.length) return null;
  scan.next = stop;
  return `<a href="${escapeHtml(url)}">${escapeHtml(raw)}</a>`;
}
