import { type FormErrorTree, invalidFormBody } from '../errors.ts';

/** A snowflake as Discord parses one from a path: an unsigned 64-bit integer in decimal. */
const DECIMAL = /^\d{1,20}$/;
const MAX_SNOWFLAKE = 2n ** 64n - 1n;

function isSnowflake(value: string): boolean {
  return DECIMAL.test(value) && BigInt(value) <= MAX_SNOWFLAKE;
}

/** `channelId` → `channel_id`, the name Discord's error tree gives a path parameter. */
function fieldName(param: string): string {
  return param.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The words some ids may be instead: the caller (`@me`), a webhook's first message (`@original`). */
const ALIASES: Record<string, string> = { userId: '@me', messageId: '@original' };

/**
 * Path ids are checked before anything else looks at them, as Discord does: `/channels/abc` is a 400 Invalid Form
 * Body naming `channel_id`, not a 404.
 */
export function requireSnowflakeIds(params: Record<string, string>): void {
  const errors: FormErrorTree = {};
  for (const [name, value] of Object.entries(params)) {
    if (!name.endsWith('Id') || isSnowflake(value) || ALIASES[name] === value) continue;
    const field: FormErrorTree = {};
    field._errors = [{ code: 'NUMBER_TYPE_COERCE', message: `Value "${value}" is not snowflake.` }];
    errors[fieldName(name)] = field;
  }
  if (Object.keys(errors).length > 0) throw invalidFormBody(errors);
}
