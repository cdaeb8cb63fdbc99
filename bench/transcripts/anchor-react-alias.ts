/**
 * Packaging trap of discord-html-transcripts 3.3.0: it pins react 19 in its own node_modules, but the
 * web-component bindings it renders (@derockdev/discord-components-react) resolve the hoisted react, which is
 * 18 here (Prisma Studio's), and React then throws "Objects are not valid as a React child". This hook makes
 * those bindings resolve react from discord-html-transcripts' folder, for this benchmark process only.
 */
import { createRequire, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const REACT = /^react(?:-dom)?(?:\/.*)?$/;

export function aliasReactForAnchor(): void {
  const anchorFolder = dirname(createRequire(import.meta.url).resolve('discord-html-transcripts/package.json'));
  const fromAnchor = createRequire(join(anchorFolder, 'package.json'));
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (REACT.test(specifier) && context.parentURL?.includes('/node_modules/@derockdev/')) {
        return { url: pathToFileURL(fromAnchor.resolve(specifier)).href, format: 'commonjs', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
