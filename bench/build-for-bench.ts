import { resolve } from 'node:path';
import { build } from 'vite';

// Two builds from the project's own vite config: the production build (sizes are taken from it)
// and the bench build, identical but for VITE_PAYWITNESS_BENCH=1, which turns on the content
// script's performance.measure timing (src/content/bench-timing.ts). The browsers run the latter.

export async function buildForBench(root: string, outDir: string): Promise<{ productionDir: string; timedDir: string }> {
  const productionDir = resolve(root, outDir);
  const timedDir = resolve(root, `${outDir}-timed`);
  const configFile = resolve(root, 'vite.config.ts');
  await build({ root, configFile, logLevel: 'warn', build: { outDir: productionDir, emptyOutDir: true } });
  await build({
    root,
    configFile,
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_PAYWITNESS_BENCH': JSON.stringify('1') },
    build: { outDir: timedDir, emptyOutDir: true },
  });
  return { productionDir, timedDir };
}
