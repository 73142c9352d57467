import { build } from 'vite';

// Bundles a test entry (and the real src/ modules it imports) into one IIFE that page.evaluate can
// run in any page, extension pages included (evaluation through DevTools is not subject to CSP).

const cache = new Map<string, Promise<string>>();

export function injectableScript(entry: URL): Promise<string> {
  const key = entry.pathname;
  let pending = cache.get(key);
  if (!pending) {
    pending = build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: key, formats: ['iife'], name: 'PayWitnessInjected' } },
    }).then((output) => {
      const result = Array.isArray(output) ? output[0] : output;
      const chunk = result && 'output' in result ? result.output.find((item) => item.type === 'chunk') : undefined;
      if (!chunk || chunk.type !== 'chunk') throw new Error(`no script built from ${key}`);
      return chunk.code;
    });
    cache.set(key, pending);
  }
  return pending;
}
