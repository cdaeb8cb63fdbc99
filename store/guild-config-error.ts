import { InputError, type InputProblem } from './input-error.ts';

export type GuildConfigProblem = InputProblem;

/** A guild configuration that may not be saved, with every reason; nothing was written. */
export class GuildConfigError extends InputError {
  override name = 'GuildConfigError';
  constructor(problems: GuildConfigProblem[]) {
    super('guild configuration', problems);
  }
}

/**
 * The guild's configuration changed since the save's caller read it: a whole-settings save made from an older
 * version, or a change that lost the race to other saves too often. Nothing was written.
 */
export class GuildConfigConflictError extends Error {
  override name = 'GuildConfigConflictError';
  constructor() {
    super('the guild configuration changed since it was read');
  }
}
