import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureBundleSizes } from '../../../bench/bundle-size';

// The content-script size goal is judged on the files this walk finds: a module it missed would
// make the bench report a pass it has not earned.

let dist = '';

afterEach(async () => {
  if (dist) await rm(dist, { recursive: true, force: true });
});

async function writeDist(files: Record<string, string>): Promise<string> {
  dist = await mkdtemp(join(tmpdir(), 'bench-dist-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dist, path, '..'), { recursive: true });
    await writeFile(join(dist, path), text);
  }
  return dist;
}

describe('measureBundleSizes', () => {
  it('follows the loader through getURL, static, bare and dynamic imports, and nothing else', async () => {
    const dir = await writeDist({
      'manifest.json': JSON.stringify({ content_scripts: [{ js: ['assets/loader.js'] }] }),
      'assets/loader.js': '(async()=>{await import(\n/* @vite-ignore */\nchrome.runtime.getURL("assets/main.js"))})();',
      'assets/main.js': 'import{a as b}from"./shared.js";import"./side.js";const c=()=>import("./lazy.js");b(c);',
      'assets/shared.js': 'export const a=(x)=>x;',
      'assets/side.js': 'console.log(1);',
      'assets/lazy.js': 'export default 1;',
      'assets/popup.js': 'import{a}from"./shared.js";a();',
      'src/popup/index.html': '<script type="module" src="/assets/popup.js"></script>',
    });
    const sizes = await measureBundleSizes(dir);
    expect(sizes.contentScriptFiles).toEqual(['assets/lazy.js', 'assets/loader.js', 'assets/main.js', 'assets/shared.js', 'assets/side.js']);
    expect(sizes.extensionFiles).toBe(8);
    expect(sizes.contentScriptGzipBytes).toBeGreaterThan(0);
    expect(sizes.contentScriptBytes).toBeLessThan(sizes.extensionBytes);
    expect(sizes.extensionZipBytes).toBeGreaterThan(0);
  });
});
