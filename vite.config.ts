import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { standaloneScripts } from './scripts/standalone-scripts.mjs';
import { stripSurfaceExamples } from './scripts/strip-surface-examples.mjs';
import { PAGE_GATE, PAGE_READER } from './src/shared/content-script-files.ts';

// crxjs builds the pages and the worker; the content scripts are built apart, one self-contained
// file each, so that no file needs to be web-accessible (scripts/standalone-scripts.mjs).
const { content_scripts: contentScripts, ...rest } = manifest;
export const crxManifest = rest;
export const contentScriptBundles = () => standaloneScripts({ scripts: [PAGE_GATE, PAGE_READER], contentScripts });

export default defineConfig({
  plugins: [stripSurfaceExamples(), crx({ manifest: crxManifest }), contentScriptBundles()],
  // JSON as JSON.parse('…'): several times faster to parse than object literals (the detection
  // tables the worker loads on every start).
  json: { stringify: true },
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
