// @ts-check
// Content scripts as single self-contained files. crxjs would load a content script through a
// loader that imports chunks declared in web_accessible_resources, which any page can fetch() and
// so learn that PayWitness is installed. Instead each script here is bundled on its own (IIFE, every
// import inlined) and written under a fixed name; crxjs is given a manifest without content_scripts,
// they are written into the built manifest.json once crxjs is done with it, and a build that would
// expose any file to web pages fails.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { stripSurfaceExamples } from './strip-surface-examples.mjs';

/**
 * @typedef {{ source: string, file: string }} ScriptFile  a source entry and the file it is built to
 * @typedef {{ js?: string[], [key: string]: unknown }} ContentScript
 */

/**
 * JSON modules as `JSON.parse('…')`: a page parses that several times faster than the same data as
 * an object literal (which is how the bundler inlines it). A JSON schema file becomes `{}`. The
 * surface files' test-only fields are dropped first (strip-surface-examples.mjs).
 * @returns {import('vite').Plugin}
 */
function jsonAsParse() {
  return {
    name: 'paywitness:json-as-parse',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.json')) return null;
      const data = id.endsWith('/schema.json') ? {} : JSON.parse(code);
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, map: null, moduleType: 'js' };
    },
  };
}

/**
 * @param {{ scripts: ScriptFile[], contentScripts: ContentScript[] }} options
 *   `scripts`: every standalone script (the manifest's and those the worker injects);
 *   `contentScripts`: manifest.json's content_scripts, naming sources as in `scripts`.
 * @returns {import('vite').Plugin}
 */
export function standaloneScripts({ scripts, contentScripts }) {
  /** @type {import('vite').ResolvedConfig} */
  let config;
  const fileOf = new Map(scripts.map((script) => [script.source, script.file]));
  return {
    name: 'paywitness:standalone-scripts',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      for (const script of scripts) {
        const output = await build({
          configFile: false,
          root: config.root,
          mode: config.mode,
          logLevel: 'warn',
          define: config.define,
          plugins: [stripSurfaceExamples(), jsonAsParse()],
          build: {
            write: false,
            emptyOutDir: false,
            minify: config.build.minify,
            target: config.build.target,
            sourcemap: false,
            lib: { entry: script.source, formats: ['iife'], name: 'paywitness' },
          },
        });
        const results = Array.isArray(output) ? output : [output];
        const chunks = results.flatMap((result) => ('output' in result ? result.output : [])).filter((item) => item.type === 'chunk');
        if (chunks.length !== 1) throw new Error(`${script.source} must build to one file, got ${chunks.length}`);
        this.emitFile({ type: 'asset', fileName: script.file, source: /** @type {import('vite').Rollup.OutputChunk} */ (chunks[0]).code });
      }
    },
    async writeBundle(options) {
      const path = join(options.dir ?? config.build.outDir, 'manifest.json');
      const manifest = JSON.parse(await readFile(path, 'utf8'));
      if (manifest.web_accessible_resources?.length) {
        throw new Error(`the manifest exposes files to web pages: ${JSON.stringify(manifest.web_accessible_resources)}`);
      }
      manifest.content_scripts = contentScripts.map((entry) => ({
        ...entry,
        js: (entry.js ?? []).map((source) => {
          const file = fileOf.get(source);
          if (!file) throw new Error(`content script ${source} is not among the standalone scripts`);
          return file;
        }),
      }));
      await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
