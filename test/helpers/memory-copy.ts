import type { CopyDir, CopyFiles } from '../../src/store/copy-files';
import { evidenceCopy, type EvidenceCopy } from '../../src/store/evidence-copy';

// The copy's folder in memory, for unit tests in Node (which has no origin private file system).
// `folders` is open to the test: deleting or changing an entry is how a damaged copy is made.

export interface MemoryCopy {
  copy: EvidenceCopy;
  files: CopyFiles;
  folders: Map<CopyDir, Map<string, Blob>>;
  /** Every later write throws this (a full disk), until set back to null. */
  failWrites: Error | null;
}

export function memoryCopy(): MemoryCopy {
  const folders = new Map<CopyDir, Map<string, Blob>>([
    ['', new Map()],
    ['entries', new Map()],
    ['files', new Map()],
  ]);
  const state: MemoryCopy = { copy: null as unknown as EvidenceCopy, files: null as unknown as CopyFiles, folders, failWrites: null };
  const files: CopyFiles = {
    async write(dir, name, data) {
      if (state.failWrites) throw state.failWrites;
      // Copied, as a real file would be: a later change to the caller's Blob cannot reach it.
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(await data.arrayBuffer());
      folders.get(dir)!.set(name, new Blob([bytes]));
    },
    async read(dir, name) {
      return folders.get(dir)!.get(name) ?? null;
    },
    async list(dir) {
      return [...folders.get(dir)!.keys()];
    },
    async remove(dir, name) {
      if (state.failWrites) throw state.failWrites;
      folders.get(dir)!.delete(name);
    },
  };
  state.files = files;
  state.copy = evidenceCopy(files);
  return state;
}
