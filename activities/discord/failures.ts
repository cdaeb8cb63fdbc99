import { DiscordAPIError, HTTPError, RateLimitError } from '@discordjs/rest';
import { ApplicationFailure } from '@temporalio/common';

/** The `type` of the ApplicationFailures the Discord activities throw; workflows may match on them. */
export const DiscordFailure = {
  /** 400 and other 4xx not listed here: the request itself is wrong. Not retryable. */
  BadRequest: 'DiscordBadRequest',
  /** 401: the token is wrong or revoked; the client also forgets it, so the worker needs a restart. Not retryable. */
  Unauthorized: 'DiscordUnauthorized',
  /** 403: missing permission or access. Not retryable. */
  Forbidden: 'DiscordForbidden',
  /** 404: the channel, thread, member or user is gone. Not retryable. */
  NotFound: 'DiscordNotFound',
  /** A rate limit longer than the client waits in-process. Retryable after `nextRetryDelay`. */
  RateLimited: 'DiscordRateLimited',
  /** 5xx. Retryable. */
  ServerError: 'DiscordServerError',
  /** Connection refused or reset, or the request timed out. Retryable. */
  Unreachable: 'DiscordUnreachable',
  /** The activity's input cannot be sent to Discord. Not retryable. */
  InvalidInput: 'DiscordInvalidInput',
} as const;

const STATUS_TYPES: Record<number, string> = {
  401: DiscordFailure.Unauthorized,
  403: DiscordFailure.Forbidden,
  404: DiscordFailure.NotFound,
};

/** @discordjs/rest's own message once a 401 made it drop the token. */
const TOKEN_DROPPED = 'Expected token to be set for this request';

const NETWORK_ERROR_CODE = /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/;

function requestLabel(method: string, url: string): string {
  return `${method.toUpperCase()} ${new URL(url).pathname}`;
}

/** What a Discord step needs, so that a 403 names the permission for the guild to grant, and where. */
export interface NeededPermissions {
  /** Permission names as Discord's client shows them, e.g. `Manage Threads`. */
  permissions: string[];
  /** The channel or thread they are needed in. */
  channelId: string;
}

function permissionHint(needs: NeededPermissions | undefined): string {
  if (!needs) return '';
  return `: the bot needs ${needs.permissions.join(', ')} in <#${needs.channelId}>`;
}

/** Turns what @discordjs/rest throws into the failure Temporal should see; other errors pass through unchanged. */
export function toDiscordFailure(error: unknown, needs?: NeededPermissions): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof RateLimitError) {
    return ApplicationFailure.create({
      type: DiscordFailure.RateLimited,
      message: `Discord rate limit on ${error.method.toUpperCase()} ${error.route}: retry in ${error.retryAfter} ms`,
      nextRetryDelay: error.retryAfter,
      details: [{ route: error.route, retryAfterMs: error.retryAfter, global: error.global, scope: error.scope }],
    });
  }
  if (error instanceof DiscordAPIError) {
    return ApplicationFailure.create({
      type: STATUS_TYPES[error.status] ?? DiscordFailure.BadRequest,
      message:
        `Discord answered ${error.status} (code ${error.code}: ${error.message}) to ${requestLabel(error.method, error.url)}` +
        (error.status === 403 ? permissionHint(needs) : ''),
      nonRetryable: true,
      details: [{ status: error.status, code: error.code, ...(error.status === 403 && needs ? { needs } : {}) }],
    });
  }
  if (error instanceof HTTPError) {
    return ApplicationFailure.create({
      type: DiscordFailure.ServerError,
      message: `Discord answered ${error.status} to ${requestLabel(error.method, error.url)}`,
      details: [{ status: error.status }],
    });
  }
  if (error instanceof Error && error.message.startsWith(TOKEN_DROPPED)) {
    return ApplicationFailure.create({
      type: DiscordFailure.Unauthorized,
      message:
        'The Discord client has no token: Discord refused it earlier (401). Fix the token and restart the worker.',
      nonRetryable: true,
    });
  }
  if (error instanceof Error && (error.name === 'AbortError' || NETWORK_ERROR_CODE.test(networkCode(error)))) {
    return ApplicationFailure.create({
      type: DiscordFailure.Unreachable,
      message: `Discord could not be reached: ${error.message}`,
      cause: error,
    });
  }
  return error;
}

function networkCode(error: Error): string {
  const code = 'code' in error ? error.code : (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** Runs one activity body, reporting Discord's answers as the failures above; `needs` names what a 403 lacks. */
export async function withDiscordFailures<T>(body: () => Promise<T>, needs?: NeededPermissions): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toDiscordFailure(error, needs);
  }
}

export function invalidInput(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: DiscordFailure.InvalidInput, message, nonRetryable: true });
}
