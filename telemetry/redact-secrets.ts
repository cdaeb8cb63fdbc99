import pino from 'pino';

export const REDACTED = '[REDACTED]';

/**
 * Field names whose values are secrets wherever they appear: tokens (Discord bot, interaction, OAuth, AWS session),
 * passwords, `Authorization` and cookies, API keys (Temporal Cloud), AWS access keys, OAuth client secrets,
 * private keys, webhook signatures. Compared without case, dashes or underscores (`AWS_SECRET_ACCESS_KEY`,
 * `clientSecret`, `x-api-key` alike).
 */
const SECRET_FIELD = /token|secret|passw|pwd|authorization|cookie|apikey|accesskey|privatekey|credential|signature/;

/** Deeper than this, a logged object is cut: log lines describe, they do not dump whole object graphs. */
const MAX_DEPTH = 8;

/**
 * A copy of a log line's fields with every secret-named field's value replaced, errors turned into plain objects
 * (message, stack, their own fields) so that their fields are checked too.
 */
export function redactSecretFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0, new WeakSet());
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  seen.add(value);
  if (value instanceof Error) return redactObject(pino.stdSerializers.err(value), depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const json = (value as { toJSON?: unknown }).toJSON;
  if (typeof json === 'function') return redactValue(json.call(value), depth + 1, seen);
  return redactObject(value as Record<string, unknown>, depth, seen);
}

function redactObject(fields: Record<string, unknown>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    copy[key] = isSecretField(key) && value != null ? REDACTED : redactValue(value, depth + 1, seen);
  }
  return copy;
}

function isSecretField(key: string): boolean {
  return SECRET_FIELD.test(key.toLowerCase().replace(/[-_]/g, ''));
}

/**
 * Secrets that hide inside text (an error message, a URL, a log message): each pattern and what replaces it.
 * The text is a finished JSON log line, so the patterns stop at quotes.
 */
const SECRET_TEXT: [RegExp, string][] = [
  // The password of a connection URL: postgresql://user:password@host keeps user and host.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*):[^\s/@"]+@/gi, `$1:${REDACTED}@`],
  // libpq keyword strings and query parameters: password=…
  [/\b(password|pwd)=[^\s&;"]+/gi, `$1=${REDACTED}`],
  // An Authorization header value: the scheme stays, the credential goes.
  [/\b(Bot|Bearer|Basic) [A-Za-z0-9._~+/-]{20,}=*/g, `$1 ${REDACTED}`],
  // A Discord bot token on its own: base64 user id . timestamp . HMAC.
  [/[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}/g, REDACTED],
  // Interaction and webhook tokens in REST paths: /interactions/<id>/<token>/callback, /webhooks/<id>/<token>.
  [/\/(interactions|webhooks)\/(\d+)\/[A-Za-z0-9._-]{20,}/g, `/$1/$2/${REDACTED}`],
  // AWS access key ids.
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, REDACTED],
];

/** The text with every secret-shaped part replaced. */
export function scrubSecretText(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of SECRET_TEXT) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}
