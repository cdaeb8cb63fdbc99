import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type HealthServer, startHealthServer } from '../../telemetry/health-server.ts';
import { freePort } from '../support/free-port.ts';
import { composeServices, ROOT } from './compose-file.ts';

const root = fileURLToPath(ROOT);
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** The Dockerfile's stages, each with its instructions (continuation lines joined, comments left out). */
function stages(): { name: string; instructions: string[] }[] {
  const instructions = dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const found: { name: string; instructions: string[] }[] = [];
  for (const instruction of instructions) {
    const from = /^FROM \S+(?: AS (\S+))?$/.exec(instruction);
    if (from) found.push({ name: from[1] ?? String(found.length), instructions: [] });
    else found.at(-1)?.instructions.push(instruction);
  }
  return found;
}

const runtime = stages().at(-1);
/** Source folders the runtime stage copies from the build context. */
const shipped = (runtime?.instructions ?? [])
  .map((instruction) => /^COPY --chown=\S+ (\S+) \1$/.exec(instruction)?.[1])
  .filter((folder): folder is string => folder !== undefined);

/** The TypeScript files the containers start: compose commands and health checks, the image's default command. */
function entryPoints(): string[] {
  const commands = Object.values(composeServices()).flatMap((service) => [
    ...(service.command ?? []),
    ...(service.healthcheck?.test ?? []),
  ]);
  const cmd = (runtime?.instructions ?? []).find((instruction) => instruction.startsWith('CMD'));
  const words = [...commands, ...(cmd ? (JSON.parse(cmd.slice(4)) as string[]) : [])].flatMap((text) =>
    text.split(' '),
  );
  return [...new Set(words.filter((word) => /^[\w/.-]+\.ts$/.test(word)))].sort();
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/gms;
const BARE_IMPORT = /^\s*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every file a file loads at run time, transitively (type-only imports are erased), and the packages they load. */
function runtimeClosure(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...[...source.matchAll(IMPORT)].filter(([, type, clause]) => !type && !typeOnly(clause ?? '')).map((m) => m[3]),
      ...[...source.matchAll(BARE_IMPORT)].map((m) => m[1]),
      ...[...source.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]),
    ];
    for (const specifier of specifiers) {
      if (!specifier || specifier.startsWith('node:')) continue;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (existsSync(target)) visit(target);
      } else {
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''),
        );
      }
    }
  };
  for (const entry of entries) visit(join(root, entry));
  return { files, packages };
}

function typeOnly(clause: string): boolean {
  const named = /^\{(.*)\}$/s.exec(clause.trim());
  return (
    named !== null &&
    named[1]?.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type ')) === true
  );
}

let probed: HealthServer | null = null;
afterAll(async () => {
  await probed?.close();
});

describe('the Dockerfile', () => {
  it('builds in one stage and runs from another that installs production packages only', () => {
    expect(stages().map((stage) => stage.name)).toEqual(['build', 'runtime']);
    expect(runtime?.instructions).toContain('RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force');
    expect(runtime?.instructions).toContain('USER node');
  });

  it('builds the workflow bundle at image build time, where the worker of the image looks for it', () => {
    const build = stages()[0]?.instructions ?? [];
    expect(build).toContain('RUN npm run db:generate && npm run build:workflows -- dist/workflow-bundle.js');
    expect(packageJson.scripts['build:workflows']).toBe('tsx temporal/build-workflow-bundle.ts');
    expect(runtime?.instructions).toContain('COPY --from=build --chown=node:node /app/dist dist');
    expect(runtime?.instructions.join('\n')).toContain('WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js');
    expect(runtime?.instructions).toContain(
      'COPY --from=build --chown=node:node /app/prisma/generated prisma/generated',
    );
  });

  it('builds the web panel at image build time, where the web process mounts it', () => {
    const build = stages()[0]?.instructions ?? [];
    expect(build).toContain('RUN npm run build:panel');
    expect(packageJson.scripts['build:panel']).toBe('cd web/app && NODE_ENV=production vite build');
    expect(runtime?.instructions).toContain('COPY --from=build --chown=node:node /app/web/app/.output web/app/.output');
  });

  it('ships every folder the containers load code from, and loads no package that production installs leave out', () => {
    const entries = entryPoints();
    expect(entries).toEqual([
      'bot/main.ts',
      'prisma/migrate.ts',
      'telemetry/readiness-probe.ts',
      'temporal/provision/register-search-attributes.ts',
      'temporal/worker.ts',
      'web/server/main.ts',
    ]);
    const { files, packages } = runtimeClosure(entries);
    // prisma/generated comes from the build stage; every other folder from the build context.
    const unshipped = [...files]
      .map((file) => relative(root, file))
      .filter((file) => !shipped.some((folder) => file.startsWith(`${folder}/`)));
    expect(unshipped).toEqual([]);
    const devOnly = [...packages].filter((name) => !(name in packageJson.dependencies));
    expect(devOnly).toEqual([]);
    expect(packageJson.dependencies).toHaveProperty('tsx');
  });

  it('has a health check probe that plain Node runs: 0 when the process is ready, 1 when it is not', async () => {
    let ready = false;
    const port = await freePort();
    probed = await startHealthServer({
      port,
      readiness: {
        probe: () => {
          if (!ready) throw new Error('not yet');
        },
      },
    });
    const probe = () =>
      promisify(execFile)(process.execPath, ['telemetry/readiness-probe.ts', String(port)], { cwd: root }).then(
        () => 0,
        (error: { code?: number }) => error.code ?? -1,
      );
    expect(await probe()).toBe(1);
    ready = true;
    expect(await probe()).toBe(0);
  });
});
