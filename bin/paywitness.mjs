#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ through Vite's module runner, so `npx paywitness`
// works right after `npm ci` with no build step and no build output kept in git.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('../src/cli/paywitness-cli.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
try {
  const { module } = await runnerImport(entry, { root, configFile: false, logLevel: 'silent' });
  process.exitCode = await module.runCli(process.argv.slice(2), (/** @type {string} */ line) => console.log(line));
} catch (error) {
  console.error(`paywitness: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
