import type { Page } from 'playwright-core';
import type { ChainEntry } from '../../src/evidence/deletion-entry';
import { buildManifest } from '../../src/export/bundle-manifest';
import { writeBundle } from '../../src/export/write-bundle';
import { concat } from '../helpers/evidence-builders';

// Reads the evidence store from an extension page (the only place it can be read) for checks in
// Node: the whole chain with every stored file, the idempotency keys, and screenshot pixels.

interface StoreDump {
  entries: ChainEntry[];
  files: Record<string, { base64: string; type: string }>;
  requests: Array<{ key: string; captureId: string }>;
  pending: string[];
}

/** Everything but the file bytes: cheap enough to poll. */
export function dumpStore(extensionPage: Page): Promise<StoreDump>;
export function dumpStore(extensionPage: Page, options: { withFiles: false }): Promise<StoreDump>;
export function dumpStore(extensionPage: Page, options: { withFiles: boolean } = { withFiles: true }): Promise<StoreDump> {
  return extensionPage.evaluate(async (withFiles) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('paywitness-evidence');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T,>(store: string, index?: string) =>
      new Promise<T[]>((resolve, reject) => {
        const source = db.transaction(store).objectStore(store);
        const request = index ? source.index(index).getAll() : source.getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const captures = await all<{ entry: ChainEntry }>('captures', 'seq');
    const stored = withFiles ? await all<{ path: string; blob: Blob; type: string }>('files') : [];
    const requests = await all<{ key: string; captureId: string }>('requests');
    const pending = db.objectStoreNames.contains('pending') ? await all<{ key: string }>('pending') : [];
    db.close();
    const files: Record<string, { base64: string; type: string }> = {};
    for (const file of stored) {
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      files[file.path] = { base64: btoa(binary), type: file.type };
    }
    return {
      entries: captures.map((c) => c.entry),
      files,
      requests: requests.map(({ key, captureId }) => ({ key, captureId })),
      pending: pending.map((p) => p.key),
    };
  }, options.withFiles);
}

/** The bundle the popup would export from this store, built in Node from the dumped store. */
export async function bundleFromDump(dump: StoreDump): Promise<Uint8Array> {
  const manifest = buildManifest(dump.entries, '2026-11-28T10:00:00.000+08:00', 'test');
  const chunks: Uint8Array[] = [];
  await writeBundle(
    manifest,
    async (path) => {
      const file = dump.files[path];
      return file ? new Blob([Buffer.from(file.base64, 'base64')], { type: file.type }) : undefined;
    },
    (chunk) => chunks.push(chunk),
  );
  return concat(chunks);
}

/** RGB of a stored screenshot's centre pixel, decoded by the browser. */
export function screenshotCentre(extensionPage: Page, path: string): Promise<[number, number, number]> {
  return extensionPage.evaluate(async (filePath) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('paywitness-evidence');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const file = await new Promise<{ blob: Blob }>((resolve, reject) => {
      const request = db.transaction('files').objectStore('files').get(filePath);
      request.onsuccess = () => resolve(request.result as { blob: Blob });
      request.onerror = () => reject(request.error);
    });
    db.close();
    const bitmap = await createImageBitmap(file.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(Math.floor(bitmap.width / 2), Math.floor(bitmap.height / 2), 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, path);
}

/** The docToken a page's content script used: the prefix of the key of its own capture. */
export function docTokenOf(dump: StoreDump, url: string): string | null {
  const capture = dump.entries.find((entry) => 'url' in entry && entry.url === url);
  const key = capture && dump.requests.find((request) => request.captureId === capture.id)?.key;
  return key ? key.split(':')[0]! : null;
}
