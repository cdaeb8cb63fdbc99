/**
 * Stripe's list answers: newest first, `limit` (1 to 100, default 10) at a time, paged with `starting_after` or
 * `ending_before` an object's id, as `{ object: 'list', data, has_more, url }`.
 */
import type { FormObject } from './form-params.ts';
import { invalidRequest, noSuch } from './stripe-api-error.ts';

export function stripeList<T extends { id: string }>(
  objectName: string,
  newestFirst: readonly T[],
  query: FormObject,
  url: string,
): { object: 'list'; data: T[]; has_more: boolean; url: string } {
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest('This value must be greater than or equal to 1 and less than or equal to 100.', 'limit');
  }
  const position = (param: 'starting_after' | 'ending_before') => {
    const id = query[param];
    if (typeof id !== 'string') return null;
    const index = newestFirst.findIndex((object) => object.id === id);
    if (index < 0) throw noSuch(objectName, id, param);
    return index;
  };
  const after = position('starting_after');
  const before = position('ending_before');
  if (before !== null) {
    const data = newestFirst.slice(Math.max(0, before - limit), before);
    return { object: 'list', data, has_more: before - limit > 0, url };
  }
  const start = after === null ? 0 : after + 1;
  const data = newestFirst.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < newestFirst.length, url };
}
