import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SANDBOX = resolve(import.meta.dirname, '../../sandbox/discord');

/**
 * What each lower layer of the local Discord must not load at runtime. The state is the world; the protocols
 * (gateway, REST, driver, OAuth2) sit on it. Permissions and world events sit below the state: they read it
 * through its type only, and the state and the gateway both use them.
 */
const PROTOCOLS = ['gateway', 'rest', 'driver', 'oauth'];
const BELOW_STATE = [...PROTOCOLS, 'state', 'interactions'];
const FORBIDDEN: Record<string, string[]> = {
  state: PROTOCOLS,
  events: BELOW_STATE,
  permissions: [...BELOW_STATE, 'events'],
};
/** Plain records every layer may load. */
const RECORDS = 'state/records.ts';

const FROM = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*'(\.[^']+)'/gm;

/** Relative imports that load code at runtime (not `import type`, not braces holding only `type` names). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(FROM)]
    .filter(([, , typeOnly, clause = '']) => {
      if (typeOnly) return false;
      const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1];
      return names === undefined || names.split(',').some((name) => name.trim() && !name.trim().startsWith('type '));
    })
    .map(([, , , , target = '']) => relative(SANDBOX, resolve(dirname(file), target)));
}

function filesIn(folder: string): string[] {
  return readdirSync(join(SANDBOX, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(SANDBOX, folder, name));
}

describe('layers of the local Discord', () => {
  it('keeps the state off the protocols, and permissions and world events below the state', () => {
    const upward = Object.entries(FORBIDDEN).flatMap(([folder, forbidden]) =>
      filesIn(folder).flatMap((file) =>
        runtimeImports(file)
          .filter((target) => target !== RECORDS && forbidden.includes(target.split('/')[0] ?? ''))
          .map((target) => `${relative(SANDBOX, file)} -> ${target}`),
      ),
    );
    expect(upward).toEqual([]);
  });
});
