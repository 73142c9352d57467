// `npm run eval`: scores the detection engine on test/fixtures/pages (see bench/detection-eval.ts).
// Runs the TypeScript through Vite's module runner, like bin/paywitness.mjs.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../bench/detection-eval.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(entry, { root, configFile: false, logLevel: 'silent' });
process.exitCode = await module.runDetectionEval((/** @type {string} */ line) => console.log(line), process.argv.slice(2));
