export interface GuildConfigProblem {
  /** Dotted path into the input, e.g. `ticketTypes.0.key` or `historiesChannelId`. */
  path: string;
  message: string;
}

/** A guild configuration that may not be saved, with every reason; nothing was written. */
export class GuildConfigError extends Error {
  override name = 'GuildConfigError';
  readonly problems: GuildConfigProblem[];
  constructor(problems: GuildConfigProblem[]) {
    super(
      `invalid guild configuration: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`,
    );
    this.problems = problems;
  }
}
