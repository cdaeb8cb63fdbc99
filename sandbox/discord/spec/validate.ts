import * as z from 'zod/mini';
import { invalidFormBody } from '../rest/errors.ts';
import type { Route } from '../rest/router.ts';
import { formErrorTree } from '../rest/validation/form-body.ts';
import { ROUTE_SCHEMAS, routeKey } from './route-schemas.ts';

/** A 2xx answer the sandbox gave that Discord's description says is malformed: a bug in the sandbox. */
export interface SpecViolation {
  route: string;
  status: number;
  /** The first problems, as `path.to.field: message`. */
  problems: string[];
}

/** Refuses a request body the description does not allow, as Discord does: 400, code 50035, with the field tree. */
export function validateRequestBody(route: Route, body: unknown): void {
  const schema = ROUTE_SCHEMAS[routeKey(route.method, route.path)]?.request;
  if (!schema || body === undefined) return;
  const result = z.safeParse(schema, body, { reportInput: true });
  if (!result.success) throw invalidFormBody(formErrorTree(result.error.issues));
}

/** The violation a success answer commits against the description, or null when it conforms (or is not 2xx). */
export function responseViolation(route: Route, status: number, body: unknown): SpecViolation | null {
  if (status < 200 || status >= 300) return null;
  const key = routeKey(route.method, route.path);
  const schemas = ROUTE_SCHEMAS[key];
  if (!schemas) return { route: key, status, problems: ['the route has no entry in ROUTE_SCHEMAS'] };
  if (!schemas.response || body === undefined) return null;
  const result = z.safeParse(schemas.response, body);
  if (result.success) return null;
  return {
    route: key,
    status,
    problems: describe(result.error.issues, []).slice(0, 10),
  };
}

/** `path: message` lines; a failed union is explained by its closest branch (the one with fewest problems). */
function describe(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return describe(closest, path);
    }
    return [`${path.map(String).join('.') || '(body)'}: ${issue.message}`];
  });
}
