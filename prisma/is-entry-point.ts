import path from 'node:path';

/** True when the module was started as the script (`tsx prisma/x.ts`), false when imported. */
export function isEntryPoint(meta: ImportMeta): boolean {
  const started = process.argv[1];
  return started !== undefined && path.resolve(started) === meta.filename;
}
