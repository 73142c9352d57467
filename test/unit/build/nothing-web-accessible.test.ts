import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT } from '../../../src/shared/content-script-files';

// A file of ours that web pages may load is a file any shop can fetch() to learn that PayWitness
// is installed. Both real builds (Chromium and Firefox), made here into a temporary folder: their
// manifests expose nothing to web pages, and every script that runs in a page is one file that
// loads nothing else.

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILDS = [
  { browser: 'chromium', config: 'vite.config.ts' },
  { browser: 'firefox', config: 'vite.firefox.config.ts' },
] as const;

const outDir = mkdtempSync(join(tmpdir(), 'pw-build-'));
const dirOf = (browser: string) => join(outDir, browser);

beforeAll(async () => {
  for (const { browser, config } of BUILDS) {
    await build({ root: ROOT, configFile: join(ROOT, config), logLevel: 'silent', build: { outDir: dirOf(browser), emptyOutDir: true } });
  }
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe.each(BUILDS)('the $browser build', ({ browser }) => {
  const manifest = () => JSON.parse(readFileSync(join(dirOf(browser), 'manifest.json'), 'utf8')) as Record<string, unknown>;

  it('exposes no file to web pages', () => {
    expect(manifest()).not.toHaveProperty('web_accessible_resources');
  });

  it('puts one self-contained script into every page', () => {
    const scripts = manifest().content_scripts as { matches: string[]; js: string[]; css?: string[] }[];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.js).toEqual([CONTENT_SCRIPT.file]);
    expect(scripts[0]!).not.toHaveProperty('css');
  });

  it('builds the content script to one file that imports nothing', () => {
    const code = readFileSync(join(dirOf(browser), CONTENT_SCRIPT.file), 'utf8');
    // An IIFE: no module syntax, no dynamic import, no reference to a chunk of the build.
    expect(code.startsWith('(function(')).toBe(true);
    expect(code).not.toMatch(/\bimport\s*\(|\bimport\s*[{*"']|\bexport\s*[{*]/);
    for (const asset of readdirSync(join(dirOf(browser), 'assets'))) expect(code).not.toContain(asset);
    expect(code).not.toMatch(/chrome\.runtime\.getURL|runtime\.getURL/);
  });

  it('writes no content-script loader of crxjs', () => {
    const assets = readdirSync(join(dirOf(browser), 'assets'));
    expect(assets.filter((name) => /loader|content/i.test(name))).toEqual([]);
    expect(existsSync(join(dirOf(browser), 'src/content'))).toBe(false);
  });
});
