import type { CaptureEntry } from '../../src/evidence/capture-entry';

// Shared by the Chromium (playwright) and Firefox (puppeteer) sessions. Both drivers serialize a
// function and run it in an extension page, so it must be self-contained: no imports, no closures.

/** Reads the chain straight from IndexedDB in the extension page it runs in, in chain order. */
export function readChainInPage(): Promise<CaptureEntry[]> {
  return new Promise<CaptureEntry[]>((resolve, reject) => {
    const open = indexedDB.open('paywitness-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('captures')) return resolve([]);
      const request = db.transaction('captures').objectStore('captures').index('seq').getAll();
      request.onsuccess = () => {
        resolve((request.result as Array<{ entry: CaptureEntry }>).map((stored) => stored.entry));
        db.close();
      };
      request.onerror = () => reject(request.error);
    };
  });
}

/** Polls until at least `count` captures are kept (a capture commits asynchronously) or time runs out. */
export async function waitForChain(
  read: () => Promise<CaptureEntry[]>,
  count: number,
  timeoutMs = 15_000,
): Promise<CaptureEntry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await read();
    if (current.length >= count || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
