import { expect } from 'vitest';
import { InputError, type InputProblem } from '../../store/input-error.ts';

/** The problems of the InputError the work rejects with (failing the test if it resolves or fails otherwise). */
export async function problemsOf(work: Promise<unknown>): Promise<InputProblem[]> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems;
}
