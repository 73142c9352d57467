#!/usr/bin/env node
// `npm run bench`: runs bench/bench-main.ts through Vite's module runner (as bin/paywitness.mjs
// runs the CLI), so the benches are TypeScript importing src/ directly with no build of their own.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./bench-main.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
try {
  const { module } = await runnerImport(entry, { root, configFile: false, logLevel: 'silent' });
  process.exitCode = await module.runBench(root, process.argv.slice(2), (/** @type {string} */ line) => console.log(line));
} catch (error) {
  console.error(error);
  // Browsers and servers of a failed run would keep Node alive; Playwright closes its browsers on exit.
  process.exit(1);
}
