import { crx } from '@crxjs/vite-plugin';
import { defineConfig, mergeConfig } from 'vite';
import { firefoxManifest } from './scripts/firefox-manifest.mjs';
import { stripSurfaceExamples } from './scripts/strip-surface-examples.mjs';
import chromiumConfig, { contentScriptBundle, crxManifest } from './vite.config';

// The same sources as vite.config.ts, with the manifest turned into Firefox's (background.scripts,
// gecko id, data consent) and written to dist-firefox/. `npm run build:firefox`.
export default mergeConfig(
  { ...chromiumConfig, plugins: [] },
  defineConfig({
    plugins: [stripSurfaceExamples(), crx({ manifest: firefoxManifest(crxManifest), browser: 'firefox' }), contentScriptBundle()],
    build: { outDir: 'dist-firefox' },
  }),
);
