import type { z } from 'zod';
import { type FormErrorTree, invalidFormBody } from '../errors.ts';

/** A custom zod issue names its Discord error code through `params.discordCode`. */
export function discordIssue(discordCode: string, message: string) {
  return { message, params: { discordCode } };
}

/**
 * Discord words a length bounded on both sides apart from one with only a maximum: "Must be between 1 and 100 in
 * length." (BASE_TYPE_BAD_LENGTH). For `.superRefine` on a string or a list, in place of `.min(min).max(max)`.
 */
export function lengthBetween(min: number, max: number) {
  return (value: { length: number }, context: z.RefinementCtx): void => {
    if (value.length >= min && value.length <= max) return;
    context.addIssue({
      code: 'custom',
      input: value,
      ...discordIssue('BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`),
    });
  };
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
      // A missing field that must be one of some values is missing first.
      if (issue.input === undefined) return { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
      return { code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${issue.values.join(', ')}}.` };
    case 'invalid_union': {
      // Discord words its tagged unions in Python's tuple syntax: "(2, 3, 5)", and "(4,)" for one choice.
      const tag = unmatchedTag(issue);
      if (!tag) return { code: 'BASE_TYPE_INVALID', message: issue.message };
      const choices = tag.options.length === 1 ? `${tag.options[0]},` : tag.options.join(', ');
      return {
        code: 'UNION_TYPE_CHOICES',
        message: `Value of field "${tag.discriminator}" must be one of (${choices}).`,
      };
    }
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
  for (const issue of issues) addError(tree, errorPath(issue), toDiscordError(issue));
  return tree;
}

/** Where Discord reports an issue: a value of no known type on the value itself, not under its `type`. */
function errorPath(issue: z.core.$ZodIssue): PropertyKey[] {
  return unmatchedTag(issue) ? issue.path.slice(0, -1) : issue.path;
}

/** A tagged union's tag that matched no option; zod's issue carries these fields beyond its declared type. */
function unmatchedTag(issue: z.core.$ZodIssue): { discriminator: string; options: unknown[] } | null {
  if (issue.code !== 'invalid_union') return null;
  const extra = issue as { note?: string; discriminator?: PropertyKey; options?: unknown[] };
  if (extra.note !== 'No matching discriminator') return null;
  return { discriminator: String(extra.discriminator ?? 'type'), options: extra.options ?? [] };
}

/** Discord's 50035 "Invalid Form Body" for one field, for checks no schema can make (they need the world). */
export function invalidField(path: PropertyKey[], code: string, message: string) {
  const tree: FormErrorTree = {};
  addError(tree, path, { code, message });
  return invalidFormBody(tree);
}

/** Parses a JSON body, or throws Discord's 50035 "Invalid Form Body" with the per-field error tree. */
export function parseFormBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  throw invalidFormBody(formErrorTree(result.error.issues));
}
