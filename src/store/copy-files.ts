// The second copy of the evidence lives in the origin private file system (OPFS), which browsers
// keep apart from IndexedDB: Chromium under `<profile>/Default/File System/`, IndexedDB under
// `<profile>/Default/IndexedDB/`, and a reset of a corrupted IndexedDB backing store does not touch
// it (test/e2e/storage-failures.e2e.test.ts shows both on a real profile). An MV3 service worker
// may use only the asynchronous API: `createSyncAccessHandle` exists in dedicated workers alone,
// while `createWritable` is exposed to every worker (Chromium and Firefox ≥ 111 alike). Its writes
// go to a swap file that replaces the real one on close(), so a half-written file never shows.
//
// This file is the one adapter over that API; the copy's layout and rules are in evidence-copy.ts.

/** The two folders of the copy; '' is its root (head.json). */
export type CopyDir = '' | 'entries' | 'files';

export interface CopyFiles {
  /** Replaces `dir/name` as a whole. */
  write(dir: CopyDir, name: string, data: Blob | string): Promise<void>;
  /** The file, or null when there is none. */
  read(dir: CopyDir, name: string): Promise<Blob | null>;
  list(dir: CopyDir): Promise<string[]>;
  /** Removes `dir/name`; a file that is not there is not an error. */
  remove(dir: CopyDir, name: string): Promise<void>;
}

export const COPY_ROOT = 'paywitness-copy';

type Directory = FileSystemDirectoryHandle & { keys(): AsyncIterableIterator<string> };

/** The copy in this origin's private file system, or null where the browser has none. `root`: for benchmarks only. */
export function opfsCopyFiles(storage: StorageManager | undefined = globalThis.navigator?.storage, rootName = COPY_ROOT): CopyFiles | null {
  if (typeof storage?.getDirectory !== 'function') return null;
  const folders = new Map<CopyDir, Promise<Directory>>();
  const folder = (dir: CopyDir): Promise<Directory> => {
    let found = folders.get(dir);
    if (!found) {
      found = (async () => {
        const root = await (await storage.getDirectory()).getDirectoryHandle(rootName, { create: true });
        return (dir ? await root.getDirectoryHandle(dir, { create: true }) : root) as Directory;
      })();
      // A failed lookup (e.g. the disk was full) is retried next time rather than remembered.
      found.catch(() => folders.delete(dir));
      folders.set(dir, found);
    }
    return found;
  };
  return {
    async write(dir, name, data) {
      const handle = await (await folder(dir)).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      try {
        await writable.write(data);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
    async read(dir, name) {
      try {
        return await (await (await folder(dir)).getFileHandle(name)).getFile();
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async list(dir) {
      const names: string[] = [];
      for await (const name of (await folder(dir)).keys()) names.push(name);
      return names;
    },
    async remove(dir, name) {
      try {
        await (await folder(dir)).removeEntry(name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');
}
