/**
 * Checks a rendered transcript the way a browser reads it: parsed by parse5 (a spec-compliant HTML parser),
 * it must raise no parse error, hold only the elements and attributes the renderer writes, link only to
 * its own anchors and http(s), load images only from the media base, and keep its one stylesheet whole.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ELEMENTS = new Set([
  'html',
  'head',
  'body',
  'meta',
  'title',
  'style',
  'header',
  'main',
  'footer',
  'section',
  'article',
  'div',
  'span',
  'i',
  'h1',
  'h2',
  'h3',
  'dl',
  'dt',
  'dd',
  'time',
  'strong',
  'em',
  'u',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'figure',
  'figcaption',
  'br',
]);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'name',
  'content',
  'class',
  'id',
  'href',
  'title',
  'src',
  'alt',
  'loading',
  'datetime',
  'tabindex',
  'start',
  'style',
  'aria-hidden',
]);
const META_NAMES = new Set(['referrer', 'viewport', 'color-scheme']);
const CSP = /^default-src 'none'; img-src [^;]+; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'$/;

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function* walk(node: Node): Generator<Node> {
  yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* walk(child);
  if ('content' in node && node.content) yield* walk(node.content as Node);
}

export function textOf(node: Node): string {
  let text = '';
  for (const each of walk(node)) if (each.nodeName === '#text' && 'value' in each) text += each.value;
  return text;
}

export function findAll(root: Node, test: (element: Element) => boolean): Element[] {
  return [...walk(root)].filter((node): node is Element => isElement(node) && test(node));
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attribute(element, 'class') ?? '').split(' ').includes(name);
}

export function parseTranscript(html: string): { document: DefaultTreeAdapterMap['document']; errors: string[] } {
  const errors: string[] = [];
  const document = parse(html, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`),
  });
  return { document, errors };
}

/** Every way the document breaks the rules above; empty when it keeps them. */
export function findingsIn(html: string, mediaBase: string): string[] {
  const { document, errors } = parseTranscript(html);
  const findings = errors.map((error) => `parse error: ${error}`);
  let styles = 0;
  for (const node of walk(document)) {
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (!ELEMENTS.has(tag) || node.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      findings.push(`element <${tag}> (${node.namespaceURI})`);
    }
    if (tag === 'style') {
      styles++;
      if (node.parentNode?.nodeName !== 'head') findings.push('<style> outside <head>');
    }
    for (const { name, value } of node.attrs) {
      if (!ATTRIBUTES.has(name)) findings.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !(value.startsWith('#m-') || hasHttpScheme(value))) findings.push(`href ${value}`);
      if (name === 'src' && !value.startsWith(mediaBase)) findings.push(`src ${value}`);
      if (name === 'style' && !/^--ec:#[0-9a-f]{6}$/.test(value)) findings.push(`style ${value}`);
    }
    if (tag === 'meta') {
      const equiv = attribute(node, 'http-equiv');
      const metaName = attribute(node, 'name');
      if (equiv !== undefined && !(equiv === 'Content-Security-Policy' && CSP.test(attribute(node, 'content') ?? ''))) {
        findings.push(`meta http-equiv=${equiv} content=${attribute(node, 'content')}`);
      }
      if (metaName !== undefined && !META_NAMES.has(metaName)) findings.push(`meta name=${metaName}`);
      if (node.parentNode?.nodeName !== 'head') findings.push('<meta> outside <head>');
    }
  }
  if (styles !== 1) findings.push(`${styles} <style> elements`);
  return findings;
}

function hasHttpScheme(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.startsWith(url.protocol);
  } catch {
    return false;
  }
}
