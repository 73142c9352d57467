import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { stripSurfaceExamples } from './scripts/strip-surface-examples.mjs';

export default defineConfig({
  plugins: [stripSurfaceExamples(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Extension pages not named in manifest.json (crxjs only follows the manifest).
    rollupOptions: { input: { 'verify-page': 'src/verify-page/index.html', offscreen: 'src/offscreen/index.html' } },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
