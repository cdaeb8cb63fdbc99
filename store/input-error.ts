import type { z } from 'zod';

export interface InputProblem {
  /** Dotted path into the input, e.g. `ticketTypes.0.key`, `historiesChannelId` or `cursor`. */
  path: string;
  message: string;
}

/**
 * Input a store function refused, with every reason, one per field; nothing was read or written with it. The web
 * process answers it with a 400 naming the fields, the bot with a message listing them.
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly problems: InputProblem[];
  constructor(subject: string, problems: InputProblem[]) {
    super(`invalid ${subject}: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
    this.problems = problems;
  }
}

/** One problem per zod issue; an issue about the whole input is filed under `wholeInputPath`. */
export function zodProblems(error: z.ZodError, wholeInputPath: string): InputProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || wholeInputPath,
    message: issue.message,
  }));
}
