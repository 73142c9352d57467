import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';

// Sizes of the production build. The content scripts are the gate named in the built manifest and
// the reader the worker injects (bench-main passes src/shared/content-script-files.ts), plus anything either imports,
// statically or through chrome.runtime.getURL (nothing, when the build is right); each file is
// gzipped on its own (zlib level 9).

export interface BundleSizes {
  contentScriptFiles: string[];
  contentScriptBytes: number;
  contentScriptGzipBytes: number;
  extensionFiles: number;
  extensionBytes: number;
  extensionZipBytes: number;
}

const IMPORTS = /(?:\bfrom|\bimport|getURL\()\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g;

/** `injected`: scripts the worker puts into pages itself, counted with the manifest's content scripts. */
export async function measureBundleSizes(distDir: string, injected: readonly string[] = []): Promise<BundleSizes> {
  const manifest = JSON.parse(await readFile(join(distDir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const pending = [...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []), ...injected];
  const seen = new Set<string>();
  let bytes = 0;
  let gzipBytes = 0;
  while (pending.length) {
    const file = posix.normalize(pending.pop()!);
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(join(distDir, file));
    bytes += code.byteLength;
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
    for (const [, spec] of code.toString('utf8').matchAll(IMPORTS)) {
      pending.push(spec!.startsWith('.') ? posix.join(posix.dirname(file), spec!) : spec!.replace(/^\//, ''));
    }
  }
  const all = await listFiles(distDir);
  const zipInput: Record<string, Uint8Array> = {};
  let extensionBytes = 0;
  for (const file of all) {
    const content = await readFile(file);
    extensionBytes += (await stat(file)).size;
    zipInput[relative(distDir, file)] = content;
  }
  return {
    contentScriptFiles: [...seen].sort(),
    contentScriptBytes: bytes,
    contentScriptGzipBytes: gzipBytes,
    extensionFiles: all.length,
    extensionBytes,
    extensionZipBytes: zipSync(zipInput, { level: 9 }).byteLength,
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

