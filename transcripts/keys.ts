/**
 * Storage keys. A transcript lives at `<guildId>/<number padded to 4 digits>`; its saved media at
 * `<transcript key>/media/<sha256>.<ext>`. Every key that comes from outside is parsed with these patterns
 * before it touches a path, so no key can climb out of the storage root.
 */

import { formatTicketNumber } from '../domain/ticket-naming.ts';

const GUILD_ID = /^\d{17,20}$/;
const TRANSCRIPT_KEY = /^(\d{17,20})\/(\d{4,10})$/;
export const MEDIA_KEY_PATTERN = /^\d{17,20}\/\d{4,10}\/media\/[0-9a-f]{64}\.[a-z0-9]{1,5}$/;
const MAX_TICKET_NUMBER = 9_999_999_999;

export interface TranscriptLocation {
  guildId: string;
  number: number;
}

export class InvalidStorageKeyError extends Error {
  constructor(what: string, value: unknown) {
    super(`invalid ${what}: ${JSON.stringify(String(value)).slice(0, 120)}`);
    this.name = 'InvalidStorageKeyError';
  }
}

export function transcriptKey(location: TranscriptLocation): string {
  if (!GUILD_ID.test(location.guildId)) throw new InvalidStorageKeyError('guild id', location.guildId);
  const { number } = location;
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_TICKET_NUMBER) {
    throw new InvalidStorageKeyError('ticket number', number);
  }
  return `${location.guildId}/${formatTicketNumber(number)}`;
}

export function parseTranscriptKey(key: string): TranscriptLocation {
  const match = TRANSCRIPT_KEY.exec(key);
  if (!match?.[1] || !match[2]) throw new InvalidStorageKeyError('transcript key', key);
  const number = Number(match[2]);
  if (number < 1) throw new InvalidStorageKeyError('transcript key', key);
  // Canonical form only: `g/42` and `g/00042` would name the same ticket twice.
  if (transcriptKey({ guildId: match[1], number }) !== key) throw new InvalidStorageKeyError('transcript key', key);
  return { guildId: match[1], number };
}

export function isMediaKey(key: string): boolean {
  return MEDIA_KEY_PATTERN.test(key);
}

export function assertMediaKey(key: string): string {
  if (!isMediaKey(key)) throw new InvalidStorageKeyError('media key', key);
  return key;
}

export function mediaKey(ofTranscript: string, sha256Hex: string, extension: string): string {
  parseTranscriptKey(ofTranscript);
  return assertMediaKey(`${ofTranscript}/media/${sha256Hex}.${extension}`);
}

/** Folder names of letters, digits, `.`, `_` and `-` (never `.` or `..` alone), separated by `/`. */
const KEY_PREFIX = /^(?!\.\.?(\/|$))[A-Za-z0-9._-]+(\/(?!\.\.?(\/|$))[A-Za-z0-9._-]+)*\/?$/;

/**
 * A prefix that every object key of one deployment starts with, so several can share a bucket: `''` for
 * none, else ending in exactly one `/` (`prod` and `prod/` are the same prefix).
 */
export function normalizeKeyPrefix(prefix: string): string {
  if (prefix === '') return '';
  if (!KEY_PREFIX.test(prefix)) throw new InvalidStorageKeyError('key prefix', prefix);
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}
