import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isDiscordId } from '../../domain/discord-id.ts';

/** How long a member has to sign in on Patreon and come back. */
const STATE_TTL_MS = 15 * 60_000;

/** What a link's OAuth state carries through Patreon and back: who is linking, and where Patreon sent them. */
export interface PatreonLinkState {
  userId: string;
  redirectUri: string;
}

/**
 * The OAuth `state`: the linking Discord user and the redirect URI, MACed with a key derived from the client
 * secret, so the return cannot be forged or pointed at another user, and the token exchange repeats the exact
 * redirect URI Patreon checks. The return route must still check that the signed-in user is `userId`.
 */
export function signPatreonLinkState(state: PatreonLinkState, clientSecret: string, now: number): string {
  const payload = Buffer.from(
    JSON.stringify({ u: state.userId, r: state.redirectUri, e: now + STATE_TTL_MS, n: randomBytes(8).toString('hex') }),
  ).toString('base64url');
  return `${payload}.${mac(payload, clientSecret)}`;
}

/** The state's content, or null when it was not made by us, was altered, or has expired. */
export function readPatreonLinkState(state: string, clientSecret: string, now: number): PatreonLinkState | null {
  const [payload, givenMac] = state.split('.');
  if (!payload || !givenMac) return null;
  const expected = Buffer.from(mac(payload, clientSecret));
  const given = Buffer.from(givenMac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const content = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    u?: unknown;
    r?: unknown;
    e?: unknown;
  };
  if (!isDiscordId(content.u) || typeof content.r !== 'string' || typeof content.e !== 'number' || content.e < now)
    return null;
  return { userId: content.u, redirectUri: content.r };
}

function mac(payload: string, clientSecret: string): string {
  const key = createHmac('sha256', clientSecret).update('ticketflow patreon link state').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}
