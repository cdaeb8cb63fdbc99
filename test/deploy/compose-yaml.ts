/**
 * A reader for the YAML that docker-compose.yml is written in, for its static checks (the project has no YAML
 * package, and no Docker engine to ask `docker compose config`): block mappings and sequences, plain, single- and
 * double-quoted scalars, one-line flow sequences, comments, anchors, aliases and `<<` merge keys. Anything else
 * (flow mappings, block scalars, tabs) is refused with its line number rather than misread.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  number: number;
  indent: number;
  text: string;
}

export function parseComposeYaml(source: string): YamlValue {
  const lines = source.split('\n').flatMap((raw, index): Line[] => {
    if (raw.includes('\t')) throw new Error(`line ${index + 1}: tabs are not YAML indentation`);
    const text = withoutComment(raw).trimEnd();
    return text.trim() === ''
      ? []
      : [{ number: index + 1, indent: text.length - text.trimStart().length, text: text.trim() }];
  });
  const reader = new BlockReader(lines);
  const value = reader.block(0);
  if (!reader.done()) throw new Error(`line ${reader.peek()?.number}: unexpected indentation`);
  return value;
}

class BlockReader {
  readonly #lines: Line[];
  readonly #anchors = new Map<string, YamlValue>();
  #at = 0;

  constructor(lines: Line[]) {
    this.#lines = lines;
  }

  done(): boolean {
    return this.#at >= this.#lines.length;
  }

  peek(): Line | undefined {
    return this.#lines[this.#at];
  }

  block(indent: number): YamlValue {
    const first = this.peek();
    if (!first || first.indent < indent) return null;
    if (first.text.startsWith('[')) {
      this.#at += 1;
      return this.inline(first.text, first);
    }
    return first.text === '-' || first.text.startsWith('- ') ? this.sequence(first.indent) : this.mapping(first.indent);
  }

  sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.peek(); line?.indent === indent && /^-( |$)/.test(line.text); line = this.peek()) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.#at += 1;
        items.push(this.block(indent + 1));
      } else if (entryOf(rest)) {
        // `- key: value` opens a mapping whose keys sit where `key` does.
        this.#lines[this.#at] = { ...line, indent: line.indent + line.text.length - rest.length, text: rest };
        items.push(this.mapping(this.#lines[this.#at]?.indent ?? indent));
      } else {
        this.#at += 1;
        items.push(this.inline(rest, line));
      }
    }
    return items;
  }

  mapping(indent: number): { [key: string]: YamlValue } {
    const own: { [key: string]: YamlValue } = {};
    const merged: { [key: string]: YamlValue }[] = [];
    for (let line = this.peek(); line?.indent === indent; line = this.peek()) {
      const entry = entryOf(line.text);
      if (!entry) throw new Error(`line ${line.number}: expected "key: value"`);
      this.#at += 1;
      const value = this.valueAfterKey(entry.value, line);
      if (entry.key === '<<') {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
          throw new Error(`line ${line.number}: << merges a mapping`);
        merged.push(value);
      } else {
        if (entry.key in own) throw new Error(`line ${line.number}: ${entry.key} appears twice`);
        own[entry.key] = value;
      }
    }
    // Keys of the mapping itself win over merged ones, whatever their order.
    return Object.assign({}, ...merged, own);
  }

  valueAfterKey(text: string, line: Line): YamlValue {
    const anchor = /^&([\w-]+)\s*(.*)$/.exec(text);
    if (!anchor) return text === '' ? this.block(line.indent + 1) : this.inline(text, line);
    const value = this.valueAfterKey(anchor[2] ?? '', line);
    this.#anchors.set(anchor[1] ?? '', value);
    return value;
  }

  inline(text: string, line: Line): YamlValue {
    // A flow sequence may go on over the next lines (as the formatter writes long ones), up to its `]`.
    if (text.startsWith('[')) {
      let flow = text;
      while (!flow.endsWith(']') && !this.done()) {
        flow += ` ${this.peek()?.text}`;
        this.#at += 1;
      }
      return flowSequence(flow, line);
    }
    const alias = /^\*([\w-]+)$/.exec(text);
    if (alias) {
      const value = this.#anchors.get(alias[1] ?? '');
      if (value === undefined) throw new Error(`line ${line.number}: unknown anchor ${alias[1]}`);
      return value;
    }
    if (/^[{|>]/.test(text)) throw new Error(`line ${line.number}: flow mappings and block scalars are not supported`);
    return scalar(text, line);
  }
}

/** `[a, "b", 'c',]`: scalars only, a trailing comma allowed. */
function flowSequence(text: string, line: Line): YamlValue[] {
  if (!text.endsWith(']')) throw new Error(`line ${line.number}: a flow sequence without its ]`);
  const items = splitOutsideQuotes(text.slice(1, -1), ',').map((item) => item.trim());
  if (items.at(-1) === '') items.pop();
  return items.map((item) => scalar(item, line));
}

/** `key: value` (value possibly empty), with the key unquoted; null when the text is no mapping entry. */
function entryOf(text: string): { key: string; value: string } | null {
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s+(.*)|$)/.exec(text);
  if (quoted) return { key: String(scalar(quoted[1] ?? '', null)), value: quoted[2] ?? '' };
  const plain = /^(<<|[\w$.][^:]*?)\s*:(?:\s+(.*)|$)/.exec(text);
  return plain ? { key: plain[1] ?? '', value: plain[2] ?? '' } : null;
}

function scalar(text: string, line: Line | null): YamlValue {
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) throw new Error(`line ${line?.number}: unterminated string ${text}`);
    return JSON.parse(text) as string;
  }
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) throw new Error(`line ${line?.number}: unterminated string ${text}`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

function withoutComment(line: string): string {
  const [comment] = positionsOutsideQuotes(line, (index) => line[index] === '#' && /^\s?$/.test(line[index - 1] ?? ''));
  return comment === undefined ? line : line.slice(0, comment);
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const cuts = positionsOutsideQuotes(text, (index) => text[index] === separator);
  return [-1, ...cuts].map((cut, at) => text.slice(cut + 1, cuts[at] ?? text.length));
}

/** Positions in `text`, outside quoted strings, where `wanted` holds. A quote opens a string only where one can start. */
function positionsOutsideQuotes(text: string, wanted: (index: number) => boolean): number[] {
  const found: number[] = [];
  let quote: string | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\' && quote === '"') index += 1;
      else if (char === quote) quote = null;
    } else if ((char === '"' || char === "'") && /^[\s[,:]?$/.test(text[index - 1] ?? '')) {
      quote = char;
    } else if (wanted(index)) {
      found.push(index);
    }
  }
  return found;
}
