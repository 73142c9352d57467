// Reads the second copy (the origin private file system, src/store/evidence-copy.ts) from an
// extension page, for checks in Node. Serialized into the page by the driver, so it is
// self-contained: no imports, no closures.

export interface CopyDump {
  /** head.json as text, or null when there is none. */
  head: string | null;
  /** `<seq>-<hash>.json` names in entries/, sorted. */
  entries: string[];
  /** name → size of every file in files/. */
  files: Record<string, number>;
}

export async function readCopyInPage(): Promise<CopyDump> {
  const root = await navigator.storage.getDirectory();
  let copy: FileSystemDirectoryHandle;
  try {
    copy = await root.getDirectoryHandle('paywitness-copy');
  } catch {
    return { head: null, entries: [], files: {} };
  }
  const names = async (dir: FileSystemDirectoryHandle) => {
    const out: string[] = [];
    for await (const name of (dir as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> }).keys()) out.push(name);
    return out.sort();
  };
  const folder = async (name: string) => copy.getDirectoryHandle(name, { create: false }).catch(() => null);
  const head = await copy
    .getFileHandle('head.json')
    .then((handle) => handle.getFile())
    .then((file) => file.text())
    .catch(() => null);
  const entriesDir = await folder('entries');
  const filesDir = await folder('files');
  const files: Record<string, number> = {};
  if (filesDir) {
    for (const name of await names(filesDir)) {
      files[name] = await filesDir
        .getFileHandle(name)
        .then((handle) => handle.getFile())
        .then((file) => file.size)
        .catch(() => -1);
    }
  }
  return { head, entries: entriesDir ? (await names(entriesDir)).filter((name) => name.endsWith('.json')) : [], files };
}

/** The copy holds exactly this chain: one entry per record (seq and hash) and a head on its last. */
export function copyMatchesChain(dump: CopyDump, chain: ReadonlyArray<{ hash: string }>): boolean {
  const expected = chain.map((entry, index) => `${String(index + 1).padStart(12, '0')}-${entry.hash}.json`);
  if (dump.entries.length !== expected.length || dump.entries.some((name, index) => name !== expected[index])) return false;
  if (chain.length === 0) return dump.head === null || JSON.parse(dump.head).seq === 0;
  try {
    const head = JSON.parse(dump.head ?? 'null') as { seq: number; head: string; indexedDbSeq: number } | null;
    return head !== null && head.seq === chain.length && head.head === chain.at(-1)!.hash && head.indexedDbSeq === head.seq;
  } catch {
    return false;
  }
}
