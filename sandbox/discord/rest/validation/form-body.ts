import type { z } from 'zod';
import { type FormErrorTree, invalidFormBody } from '../errors.ts';

/** A custom zod issue names its Discord error code through `params.discordCode`. */
export function discordIssue(discordCode: string, message: string) {
  return { message, params: { discordCode } };
}

const CONVERT_CODES: Record<string, [code: string, message: string]> = {
  string: ['STRING_TYPE_CONVERT', 'Could not interpret the value as string.'],
  number: ['NUMBER_TYPE_COERCE', 'Value is not int.'],
  boolean: ['BOOLEAN_TYPE_CONVERT', 'Must be either true or false.'],
  object: ['DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType'],
  array: ['LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType'],
};

function toDiscordError(issue: z.core.$ZodIssue): { code: string; message: string } {
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves `input` out when the value was missing.
      if (!('input' in issue)) return { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
      {
        const [code, message] = CONVERT_CODES[issue.expected] ?? ['BASE_TYPE_BAD_TYPE', 'Invalid type.'];
        return { code, message };
      }
    case 'too_big':
      return issue.origin === 'number'
        ? { code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${issue.maximum}.` }
        : { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${issue.maximum} or fewer in length.` };
    case 'too_small':
      return issue.origin === 'number'
        ? { code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${issue.minimum}.` }
        : { code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${issue.minimum} or more in length.` };
    case 'invalid_value':
      return { code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${issue.values.join(', ')}}.` };
    case 'custom': {
      const discordCode = issue.params?.discordCode;
      return { code: typeof discordCode === 'string' ? discordCode : 'BASE_TYPE_INVALID', message: issue.message };
    }
    default:
      return { code: 'BASE_TYPE_INVALID', message: issue.message };
  }
}

function addError(tree: FormErrorTree, path: PropertyKey[], error: { code: string; message: string }): void {
  let node = tree;
  for (const key of path) {
    const name = String(key);
    node[name] ??= {};
    node = node[name] as FormErrorTree;
  }
  node._errors ??= [];
  node._errors.push(error);
}

/** Discord's per-field error tree for a failed parse (zod classic or zod/mini, which share their issues). */
export function formErrorTree(issues: readonly z.core.$ZodIssue[]): FormErrorTree {
  const tree: FormErrorTree = {};
  for (const issue of issues) addError(tree, issue.path, toDiscordError(issue));
  return tree;
}

/** Parses a JSON body, or throws Discord's 50035 "Invalid Form Body" with the per-field error tree. */
export function parseFormBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  throw invalidFormBody(formErrorTree(result.error.issues));
}
