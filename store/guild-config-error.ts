import { InputError, type InputProblem } from './input-error.ts';

export type GuildConfigProblem = InputProblem;

/** A guild configuration that may not be saved, with every reason; nothing was written. */
export class GuildConfigError extends InputError {
  override name = 'GuildConfigError';
  constructor(problems: GuildConfigProblem[]) {
    super('guild configuration', problems);
  }
}
