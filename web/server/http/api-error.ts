/** One thing wrong with a request, named by the field's path (`guildId`, `questions.0.label`). */
export interface Problem {
  path: string;
  message: string;
}

/** Every error the API answers has this body. */
export interface ErrorBody {
  error: { code: string; message: string; problems?: Problem[] };
}

/** An error a route throws to answer with its status and the API's error body. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly problems: Problem[] | undefined;

  constructor(status: number, code: string, message: string, problems?: Problem[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.problems = problems;
  }

  get body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.problems ? { problems: this.problems } : {}) } };
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in with Discord first.');
/** Also for what belongs to a guild the caller cannot see: its existence is not confirmed. */
export const notFound = (what = 'This') => new ApiError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const invalidRequest = (problems: Problem[]) =>
  new ApiError(
    400,
    'invalid_request',
    `The request is invalid: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
    problems,
  );
