import type { CaptureEntry } from '../../src/evidence/capture-entry';

// Shared by the Chromium (playwright) and Firefox (puppeteer) sessions. Both drivers serialize a
// function and run it in an extension page, so it must be self-contained: no imports, no closures.

/** Reads the chain straight from IndexedDB in the extension page it runs in, in chain order. */
export function readChainInPage(): Promise<CaptureEntry[]> {
  return new Promise<CaptureEntry[]>((resolve, reject) => {
    const open = indexedDB.open('paywitness-evidence');
    // No store yet (the worker has not opened it): read nothing and create nothing. A version-1
    // database made here would make the worker's open wait for this connection, and then upgrade
    // from 1, skipping the step that creates the stores.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('captures')) {
        db.close();
        return resolve([]);
      }
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

/** Width and height of a stored PNG, read in the extension page from the evidence store's `files`. */
export function readStoredPngSizeInPage(path: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paywitness-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('files').objectStore('files').get(path);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        db.close();
        const blob = (request.result as { blob?: Blob } | undefined)?.blob;
        if (!blob) return resolve(null);
        // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
        void blob.slice(16, 24).arrayBuffer().then((bytes) => {
          const view = new DataView(bytes);
          resolve({ width: view.getUint32(0), height: view.getUint32(4) });
        }, reject);
      };
    };
  });
}

/**
 * How many pixel rows of a stored PNG differ from a reference PNG (base64) of the same size,
 * decoded and compared in the extension page. A row differs when any channel of any pixel is off by
 * more than `tolerance` (anti-aliasing noise stays below it).
 */
export function compareStoredPngInPage(
  args: { path: string; referenceBase64: string; tolerance: number },
): Promise<{ width: number; height: number; referenceWidth: number; referenceHeight: number; differingRows: number }> {
  const pixels = async (blob: Blob) => {
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  };
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paywitness-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('files').objectStore('files').get(args.path);
      request.onerror = () => reject(request.error);
      request.onsuccess = async () => {
        db.close();
        try {
          const stored = await pixels((request.result as { blob: Blob }).blob);
          const bytes = Uint8Array.from(atob(args.referenceBase64), (char) => char.charCodeAt(0));
          const reference = await pixels(new Blob([bytes], { type: 'image/png' }));
          let differingRows = 0;
          const rows = Math.min(stored.height, reference.height);
          const rowBytes = Math.min(stored.width, reference.width) * 4;
          for (let y = 0; y < rows; y++) {
            for (let i = 0; i < rowBytes; i++) {
              if (Math.abs(stored.data[y * stored.width * 4 + i]! - reference.data[y * reference.width * 4 + i]!) > args.tolerance) {
                differingRows++;
                break;
              }
            }
          }
          resolve({ width: stored.width, height: stored.height, referenceWidth: reference.width, referenceHeight: reference.height, differingRows });
        } catch (error) {
          reject(error);
        }
      };
    };
  });
}

/** One record of the evidence database by its key (e.g. a case's support deadline), or null. */
export function readRecordInPage(args: { store: string; key: string }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('paywitness-evidence');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction(args.store).objectStore(args.store).get(args.key);
      request.onsuccess = () => {
        resolve(request.result ?? null);
        db.close();
      };
      request.onerror = () => reject(request.error);
    };
  });
}
