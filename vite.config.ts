import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { standaloneScripts } from './scripts/standalone-scripts.mjs';
import { stripSurfaceExamples } from './scripts/strip-surface-examples.mjs';
import { CONTENT_SCRIPT } from './src/shared/content-script-files';

// crxjs builds the pages and the worker; the content script is built apart, as one self-contained
// file, so that no file needs to be web-accessible (scripts/standalone-scripts.mjs): a shop must not
// be able to fetch() a chunk of ours and learn that its visitor keeps evidence.
const { content_scripts: contentScripts, ...crxManifest } = manifest;
export { crxManifest };
export const contentScriptBundle = () => standaloneScripts({ scripts: [CONTENT_SCRIPT], contentScripts });

export default defineConfig({
  plugins: [stripSurfaceExamples(), crx({ manifest: crxManifest }), contentScriptBundle()],
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
