import { DEFAULT_PLANS, PLAN_IDS, type PlanCatalogue, type PlanId, planLimitsSchema } from '../domain/plans.ts';
import { ConfigError } from './parse-env.ts';

const VARIABLE = 'TICKETFLOW_PLANS';

/**
 * The plan catalogue: DEFAULT_PLANS with the operator's overrides from TICKETFLOW_PLANS, a JSON object holding only
 * what changes, e.g. `{"pro":{"ticketsPerMonth":1000,"features":{"customBot":true}}}` (null is unlimited where a
 * limit allows it). Merged key by key over the defaults, then each plan validated whole; a bad value, or a key that
 * is no setting (a misspelt one would otherwise be ignored), is a ConfigError naming its path. Values never appear
 * in the error, as with every variable.
 */
export function loadPlanCatalogue(env: NodeJS.ProcessEnv = process.env): PlanCatalogue {
  const text = env[VARIABLE];
  if (text === undefined || text.trim() === '') return DEFAULT_PLANS;
  let overrides: unknown;
  try {
    overrides = JSON.parse(text);
  } catch {
    throw invalid([`${VARIABLE}: is not JSON; give an object such as {"pro":{"ticketsPerMonth":1000}}`]);
  }
  const problems: string[] = [];
  const merged = mergeOver(DEFAULT_PLANS, overrides, VARIABLE, problems);
  if (problems.length > 0) throw invalid(problems);
  const catalogue = {} as PlanCatalogue;
  for (const plan of PLAN_IDS) {
    const parsed = planLimitsSchema.safeParse((merged as Record<PlanId, unknown>)[plan]);
    if (parsed.success) {
      catalogue[plan] = parsed.data;
    } else {
      problems.push(
        ...parsed.error.issues.map(
          (issue) => `${[VARIABLE, plan, ...issue.path.map(String)].join('.')}: ${issue.message}`,
        ),
      );
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return catalogue;
}

/** `overrides` laid over `defaults` where both are objects; a key absent from the defaults is a problem at its path. */
function mergeOver(defaults: unknown, overrides: unknown, path: string, problems: string[]): unknown {
  if (!isPlainObject(defaults)) return overrides;
  if (!isPlainObject(overrides)) {
    problems.push(`${path}: must be an object of the settings to change`);
    return defaults;
  }
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(defaults, key)) {
      problems.push(`${path}.${key}: is not a setting here; known: ${Object.keys(defaults).join(', ')}`);
      continue;
    }
    merged[key] = mergeOver(defaults[key], value, `${path}.${key}`, problems);
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(problems: string[]): ConfigError {
  return new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}
