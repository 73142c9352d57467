import { build } from 'vite';

// Bundles extension-page-entry.ts into one classic script. Extension pages forbid inline scripts by
// CSP, so the bench evaluates it over CDP (page.evaluate), which CSP does not govern.

export async function extensionPageScript(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: new URL('./extension-page-entry.ts', import.meta.url).pathname, formats: ['iife'], name: 'PayWitnessBenchPage' },
    },
  });
  const result = Array.isArray(output) ? output[0] : output;
  if (!result || !('output' in result)) throw new Error('vite build did not return output');
  const chunk = result.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no script chunk built');
  return chunk.code;
}
