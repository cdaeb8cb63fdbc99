/** Character codes and tests the markdown scanner shares between its files. */
import type { RenderContext } from './render-context.ts';

/** The scan of one text: the matcher that succeeds sets `next`, where the text after its construct starts. */
export interface Scan {
  readonly src: string;
  readonly ctx: RenderContext;
  next: number;
}

export const BACKSLASH = 92;
export const STAR = 42;
export const UNDERSCORE = 95;
export const TILDE = 126;
export const PIPE = 124;
export const BACKTICK = 96;
export const LESS_THAN = 60;
export const BRACKET = 91;
export const AT = 64;
export const LOWER_H = 104;
export const LOWER_A = 97;
export const LOWER_T = 116;
export const HASH = 35;
export const COLON = 58;
export const SLASH = 47;

export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}

export function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

/** A closing delimiter is escaped when an odd number of backslashes precede it. */
export function isEscaped(src: string, at: number, from: number): boolean {
  let count = 0;
  for (let j = at - 1; j >= from && src.charCodeAt(j) === BACKSLASH; j--) count++;
  return count % 2 === 1;
}
