import { solidStart } from '@solidjs/start/config';
import { nitro } from 'nitro/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * SolidStart's error boundary imports its development toolbar in production builds too. Its code is dropped there,
 * but its stylesheets are imported for their side effect and would ship in every page's render-blocking CSS (three
 * quarters of it), so the build reads them as empty.
 */
function withoutDevToolbarStyles(): Plugin {
  const devToolbarStyles = /\/@solidjs\/start\/dist\/shared\/(ui|dev-toolbar)\/.*\.css$/;
  return {
    name: 'ticketflow:without-dev-toolbar-styles',
    apply: 'build',
    enforce: 'pre',
    load: (id) => (devToolbarStyles.test(id.split('?', 1)[0] ?? '') ? '' : undefined),
  };
}

// Built once (scripts/install.sh, the Dockerfile) and mounted in the web process by web/server/panel/: the
// node-middleware preset exports a Node (req, res) handler, and serveStatic lets that handler answer for /_build
// assets too, from files compressed at build time. Run vite with this folder as the working directory: SolidStart
// resolves its app root from the cwd.
export default defineConfig({
  plugins: [
    withoutDevToolbarStyles(),
    solidStart({ middleware: './src/middleware.ts', devOverlay: false }),
    nitro({ preset: 'node-middleware', serveStatic: true, compressPublicAssets: { gzip: true, brotli: true } }),
  ],
});
