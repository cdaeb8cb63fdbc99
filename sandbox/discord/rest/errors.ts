/** Discord's JSON error answers: `{ code, message, errors? }`, with the codes its API really uses. */

export type FormErrorTree = { _errors?: { code: string; message: string }[] } & {
  [key: string]: FormErrorTree | undefined;
};

interface ErrorExtras {
  errors?: FormErrorTree;
  headers?: Record<string, string>;
  /** Fields some errors add to the body, such as a 429's `retry_after`. */
  extraBody?: Record<string, unknown>;
}

export class DiscordHttpError extends Error {
  readonly status: number;
  /** null for the answers whose body has no code (rate limits). */
  readonly code: number | null;
  readonly extras: ErrorExtras;

  constructor(status: number, code: number | null, message: string, extras: ErrorExtras = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extras = extras;
  }

  get body(): Record<string, unknown> {
    const { errors, extraBody } = this.extras;
    return {
      ...extraBody,
      ...(this.code === null ? {} : { code: this.code }),
      message: this.message,
      ...(errors ? { errors } : {}),
    };
  }
}

export const unauthorized = () => new DiscordHttpError(401, 0, '401: Unauthorized');
export const routeNotFound = () => new DiscordHttpError(404, 0, '404: Not Found');
export const methodNotAllowed = () => new DiscordHttpError(405, 0, '405: Method Not Allowed');
export const internalServerError = () => new DiscordHttpError(500, 0, '500: Internal Server Error');

export const unknownChannel = () => new DiscordHttpError(404, 10003, 'Unknown Channel');
export const unknownGuild = () => new DiscordHttpError(404, 10004, 'Unknown Guild');
export const unknownMember = () => new DiscordHttpError(404, 10007, 'Unknown Member');
export const unknownUser = () => new DiscordHttpError(404, 10013, 'Unknown User');
export const unknownRole = () => new DiscordHttpError(404, 10011, 'Unknown Role');
export const unknownMessage = () => new DiscordHttpError(404, 10008, 'Unknown Message');
export const unknownWebhook = () => new DiscordHttpError(404, 10015, 'Unknown Webhook');
export const unknownInteraction = () => new DiscordHttpError(404, 10062, 'Unknown interaction');
export const unknownCommand = () => new DiscordHttpError(404, 10063, 'Unknown application command');
export const interactionAlreadyAcknowledged = () =>
  new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.');
export const invalidWebhookToken = () => new DiscordHttpError(401, 50027, 'Invalid Webhook Token');

export const missingAccess = () => new DiscordHttpError(403, 50001, 'Missing Access');
export const missingPermissions = () => new DiscordHttpError(403, 50013, 'Missing Permissions');
/** 403 when the user's settings refuse the DM; 400 when a bot opens a DM with itself. */
export const cannotMessageUser = (status: 403 | 400 = 403) =>
  new DiscordHttpError(status, 50007, 'Cannot send messages to this user');
export const invalidRecipients = () => new DiscordHttpError(400, 50033, 'Invalid Recipient(s)');

export const emptyMessage = () => new DiscordHttpError(400, 50006, 'Cannot send an empty message');
export const cannotSendInNonTextChannel = () =>
  new DiscordHttpError(400, 50008, 'Cannot send messages in a non-text channel');
export const wrongChannelType = () => new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type');
export const threadArchived = () => new DiscordHttpError(400, 50083, 'Thread is archived');
export const threadLocked = () => new DiscordHttpError(400, 160005, 'Thread is locked');
export const maxThreadParticipants = () =>
  new DiscordHttpError(400, 30033, 'Maximum number of thread participants has been reached (1000)');
export const cannotEditOthersMessage = () =>
  new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user');
export const invalidJson = () => new DiscordHttpError(400, 50109, 'The request body contains invalid JSON.');
export const invalidFormBody = (errors: FormErrorTree) =>
  new DiscordHttpError(400, 50035, 'Invalid Form Body', { errors });

/**
 * A 429 as Discord's docs show it: a body of message, `retry_after` (seconds, a float) and `global`, no code; the
 * Retry-After header in whole seconds, rounded up (65 for a retry_after of 64.57). Clients read only the header.
 * `retryAfterHeader` overrides the header for injected faults, whose tests choose it.
 */
export function rateLimited(
  retryAfterSeconds: number,
  global: boolean,
  retryAfterHeader = String(Math.ceil(retryAfterSeconds)),
): DiscordHttpError {
  return new DiscordHttpError(429, null, 'You are being rate limited.', {
    headers: {
      'Retry-After': retryAfterHeader,
      'X-RateLimit-Scope': global ? 'global' : 'user',
      ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
    },
    extraBody: { retry_after: Number(retryAfterSeconds.toFixed(3)), global },
  });
}

/**
 * What an IP past the invalid-request limit gets: Cloudflare's static 429, with no rate-limit headers and no
 * Retry-After (discord/discord-api-docs#5810, confirmed by Discord staff there; community-reported wording).
 */
export const temporarilyBlocked = () =>
  new DiscordHttpError(
    429,
    0,
    'You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently. ' +
      'Please read our docs at https://discord.com/developers/docs/topics/rate-limits to prevent this moving forward.',
  );
