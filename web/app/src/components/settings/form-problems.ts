import type { z } from 'zod';
import type { ApiProblem } from '../../lib/api.ts';

/** Problems by the dotted path of their field (`ticketTypes.0.questions.1.label`), as the API names them. */
export type Problems = Record<string, string>;

/** The id of the input for a field's path: its problem links there, and its label points at it. */
export function fieldId(path: string): string {
  return `setting-${path.replaceAll('.', '-')}`;
}

export function problemsFrom(list: readonly ApiProblem[]): Problems {
  const problems: Problems = {};
  for (const problem of list) {
    problems[problem.path] ??= problem.message;
  }
  return problems;
}

/** The same paths the server's answer uses, from the same schema checked in the browser before sending. */
export function problemsOfZod(error: z.ZodError): Problems {
  return problemsFrom(
    error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'config', message: issue.message })),
  );
}

/** The attributes that tie an input to its problem, when it has one. */
export function invalidAttributes(problems: Problems, path: string) {
  const message = problems[path];
  return message === undefined ? {} : { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(path)}-problem` };
}
