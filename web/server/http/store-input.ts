import { InputError } from '../../../store/input-error.ts';
import { invalidRequest } from './api-error.ts';

/** Runs a store call, answering its InputError (input it refused, nothing written) with a 400 naming each field. */
export async function withStoreInput<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof InputError) throw invalidRequest(error.problems);
    throw error;
  }
}
