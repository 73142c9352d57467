import { sealEntry } from '../evidence/capture-chain';
import type { CaptureDraft, CaptureEntry } from '../evidence/capture-entry';
import { isDeletion, type ChainEntry } from '../evidence/deletion-entry';
import { isoWithOffset } from '../evidence/iso-time';
import { EMPTY_CHAIN } from './chain-writes';
import type { CopyHeadState, EvidenceCopy } from './evidence-copy';
import type { StoredFile } from './evidence-schema';
import type { EvidenceDb } from './open-evidence-db';
import { repairStores, repairWasQuiet, type RepairReport } from './store-repair';

// How one new chain record reaches the copy. Normally: its files are written while IndexedDB
// commits, then the record and the new head, right after the commit. When the copy is not exactly
// one record behind (another context's write in flight, a damaged copy, an IndexedDB that was
// reset underneath us) the two stores are repaired instead, which also writes this record.

/** Which store could not take a record (the other one holds it), and why. */
export interface StoreMiss {
  store: 'indexeddb' | 'copy';
  error: string;
}

export interface CopyOutcome {
  failed: StoreMiss | null;
  /** A repair that had to run first or instead; worth telling the shopper unless it was quiet. */
  repaired: RepairReport | null;
}

export const NO_COPY: CopyOutcome = { failed: null, repaired: null };

/** Starts writing a record's files into the copy; the promise never rejects (it answers with the error). */
export function writeFilesToCopy(copy: EvidenceCopy, captureId: string, files: readonly StoredFile[]): Promise<string | null> {
  return Promise.all(files.map((file, index) => copy.writeFile(captureId, index, file.blob))).then(
    () => null,
    (error: unknown) => message(error),
  );
}

/**
 * Before an IndexedDB write: when the copy holds records IndexedDB lacks, they go back first. Answers
 * with the copy's head as it then is, which the write after the commit links to.
 */
export async function restoreBeforeWrite(db: EvidenceDb, copy: EvidenceCopy): Promise<{ repaired: RepairReport | null; head: CopyHeadState }> {
  const [head, chain] = await Promise.all([copy.readHead(), db.get('meta', 'chain')]);
  const current = chain ?? EMPTY_CHAIN;
  if (typeof head !== 'object' || head.seq < current.seq || (head.seq === current.seq && head.head === current.head)) return { repaired: null, head };
  const repaired = await repairStores(db, copy, 'presence');
  return { repaired, head: await copy.readHead() };
}

/**
 * After IndexedDB committed `entry` at `seq`. `head` is the copy's head read before the commit: in
 * this context's queue only a write of another context can have moved it since, and then the
 * check below fails and the stores are repaired instead.
 */
export async function appendToCopy(
  db: EvidenceDb,
  copy: EvidenceCopy,
  record: { seq: number; entry: ChainEntry; requestKey: string | null },
  filesWritten: Promise<string | null>,
  head: CopyHeadState,
): Promise<CopyOutcome> {
  const { seq, entry, requestKey } = record;
  const filesError = await filesWritten;
  try {
    const previous = head === 'absent' ? { seq: 0, head: null } : head;
    if (filesError === null && typeof previous === 'object' && previous.seq === seq - 1 && previous.head === entry.prevHash) {
      await copy.writeEntry({ seq, entry, requestKey });
      if (isDeletion(entry)) await copy.removeFiles(entry.deletedId, entry.removedFiles.length);
      await copy.writeHead({ seq, head: entry.hash, indexedDbSeq: seq, at: isoWithOffset(new Date()) });
      return NO_COPY;
    }
    const repaired = await repairStores(db, copy, 'presence');
    const failed = repaired.copyError ?? filesError;
    return { failed: failed === null ? null : { store: 'copy', error: failed }, repaired: repairWasQuiet(repaired) ? null : repaired };
  } catch (error) {
    return { failed: { store: 'copy', error: message(error) }, repaired: null };
  }
}

/**
 * IndexedDB could not take the capture: the copy alone keeps it, chained after the copy's head, and
 * the answer says IndexedDB failed. The next start puts it back into IndexedDB (store-repair.ts).
 * Only a copy known to be in step with IndexedDB (it has a head) may run ahead of it this way.
 */
export async function commitToCopyOnly(
  copy: EvidenceCopy,
  draft: CaptureDraft,
  files: readonly StoredFile[],
  requestKey: string | null,
  filesWritten: Promise<string | null>,
  indexedDbError: unknown,
): Promise<{ captureId: string; duplicate: boolean; failed: StoreMiss }> {
  const failed: StoreMiss = { store: 'indexeddb', error: message(indexedDbError) };
  const head = await copy.readHead();
  if (typeof head !== 'object') throw indexedDbError;
  if (requestKey) {
    // Only records written while IndexedDB was failing can hold a key IndexedDB does not know.
    for (const name of await copy.listEntries()) {
      if (name.seq <= head.indexedDbSeq) continue;
      const earlier = await copy.readEntry(name.seq, name.hash);
      if (earlier?.requestKey === requestKey) {
        await copy.removeFiles(draft.id, files.length);
        return { captureId: earlier.entry.id, duplicate: true, failed };
      }
    }
  }
  if ((await filesWritten) !== null) throw indexedDbError;
  const refs = files.map(({ path, sha256, bytes, type, role }) => ({ path, sha256, bytes, type, role }));
  const entry = await sealEntry<CaptureEntry>({ ...draft, files: refs, prevHash: head.head, hash: '' });
  try {
    await copy.writeEntry({ seq: head.seq + 1, entry, requestKey });
    await copy.writeHead({ seq: head.seq + 1, head: entry.hash, indexedDbSeq: head.indexedDbSeq, at: isoWithOffset(new Date()) });
  } catch {
    throw indexedDbError;
  }
  return { captureId: entry.id, duplicate: false, failed };
}

function message(error: unknown): string {
  return (error instanceof Error || error instanceof DOMException ? error.message : String(error)).slice(0, 300);
}
