import { solidStart } from '@solidjs/start/config';
import { nitro } from 'nitro/vite';
import { defineConfig } from 'vite';

// Built once (scripts/install.sh, the Dockerfile) and mounted in the web process by web/server/panel/: the
// node-middleware preset exports a Node (req, res) handler, and serveStatic lets that handler answer for /_build
// assets too, from files compressed at build time. Run vite with this folder as the working directory: SolidStart
// resolves its app root from the cwd.
export default defineConfig({
  plugins: [
    solidStart({ middleware: './src/middleware.ts', devOverlay: false }),
    nitro({ preset: 'node-middleware', serveStatic: true, compressPublicAssets: { gzip: true, brotli: true } }),
  ],
});
