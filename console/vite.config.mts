import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console is served by the API at /console (src/console/serve-console.ts)
 * from dist/console. Everything is emitted as files (no inline script or
 * style) so the page runs under a strict Content-Security-Policy.
 */
export default defineConfig({
  root,
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    // Read by npm run console:size to add up what each route loads.
    manifest: true,
    // The polyfill would be bundled anyway; modern Chromium, Firefox and Safari need none.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:3000', '/auth': 'http://localhost:3000' } },
});
