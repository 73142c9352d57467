import { build } from 'vite';
import { stripSurfaceExamples } from '../../scripts/strip-surface-examples.mjs';

// Bundles the real content-script reader (src/content/read-snapshot.ts) into one script that a test
// can inject into any page, so fixtures are read exactly as the extension reads them (with the
// surface catalogue and the salient selectors as the builds ship them).

let cached: Promise<string> | null = null;

export function pageReaderScript(): Promise<string> {
  cached ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [stripSurfaceExamples()],
      build: {
        write: false,
        minify: false,
        lib: {
          entry: new URL('./page-reader-entry.ts', import.meta.url).pathname,
          formats: ['iife'],
          name: 'PayWitnessPageReader',
        },
      },
    });
    const result = Array.isArray(output) ? output[0] : output;
    if (!result || !('output' in result)) throw new Error('vite build did not return output');
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('no script chunk built');
    return chunk.code;
  })();
  return cached;
}
