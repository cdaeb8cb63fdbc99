import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, as cookie-safe text: a session token, a login attempt's id, an OAuth2 state. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, which cannot be turned back into the token. */
export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether `token` hashes to `expectedHash`, in time that does not depend on where they differ. */
export function matchesHash(token: string, expectedHash: Uint8Array): boolean {
  const actual = tokenHash(token);
  return actual.length === expectedHash.length && timingSafeEqual(actual, expectedHash);
}

const SEAL_INFO = 'ticketflow web session: discord oauth2 token';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function sealKey(sessionToken: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionToken, Buffer.alloc(0), SEAL_INFO, 32));
}

/**
 * Seals a secret with a key derived from the browser's session token (AES-256-GCM), so the row alone does not
 * give it away: only a request carrying the cookie can open it.
 */
export function seal(sessionToken: string, secret: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealKey(sessionToken), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

/** The secret `seal` sealed with this token; throws when the token or the bytes are not the ones sealed. */
export function unseal(sessionToken: string, sealed: Uint8Array): string {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', sealKey(sessionToken), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
