import { hashEntry } from '../evidence/capture-chain';
import { isDeletion, type ChainEntry } from '../evidence/deletion-entry';
import { originalSealHolds, rechainEntry } from '../evidence/imported-entry';
import { isoWithOffset } from '../evidence/iso-time';
import { abort, writeTransaction } from './chain-writes';
import { eachLimited } from './each-limited';
import type { EvidenceCopy } from './evidence-copy';
import type { StoredFile } from './evidence-schema';
import type { EvidenceDb } from './open-evidence-db';
import { compareStores, intactBytes, type CheckPlan, type FileFix, type ResolvedRecord, type StoreComparison } from './store-comparison';

// Makes IndexedDB and the copy hold the same chain again (store-comparison.ts decides which one).
// The copy is completed first, so a record is never removed from IndexedDB before the copy holds
// it; then IndexedDB is rebuilt from the copy in batches of strict transactions; last, the whole
// chain is checked end to end. A stop half-way leaves the stores different, so the next start
// simply repairs again: every write here is idempotent.

export interface RepairReport {
  /** Chain records put back into IndexedDB from the copy. */
  restoredEntries: number;
  restoredFiles: number;
  /** Chain records and files written into the copy from IndexedDB. */
  copiedEntries: number;
  copiedFiles: number;
  /** Records of a diverged branch appended again after the head (importedFrom.via = "copy"). */
  rechained: number;
  /** What neither store holds intact. */
  lost: string[];
  copyDamaged: boolean;
  copyAbsent: boolean;
  /** The copy could not be written (e.g. a full disk); IndexedDB was still repaired where that was safe. */
  copyError: string | null;
  chain: ChainCheck;
}

export type ChainCheck = { ok: true; records: number; head: string | null } | { ok: false; records: number; problem: string };

const BATCH = 25;

export async function repairStores(db: EvidenceDb, copy: EvidenceCopy, plan: CheckPlan, now = new Date()): Promise<RepairReport> {
  const compared = await compareStores(db, copy, plan);
  const rechained = await rechainBranch(compared, isoWithOffset(now));
  const chain = [...compared.chain, ...rechained];
  const lost = [...compared.lost];

  let copyError: string | null = null;
  let copied = { entries: 0, files: 0 };
  try {
    copied = await completeCopy(db, copy, chain, compared.fileFixes, lost, compared.indexedDbSeq, now);
  } catch (error) {
    copyError = error instanceof Error ? error.message : String(error);
    // A record IndexedDB alone holds must not make room for another before the copy has it.
    if (compared.displacedInIndexedDb.length > 0) throw error;
  }
  const restored = await rebuildIndexedDb(db, copy, chain, compared, lost);
  if (!copyError) await writeHead(copy, chain, chain.at(-1)?.seq ?? 0, now).catch(() => undefined);
  return {
    restoredEntries: restored.entries,
    restoredFiles: restored.files,
    copiedEntries: copied.entries,
    copiedFiles: copied.files,
    rechained: rechained.length,
    lost,
    copyDamaged: compared.copyDamaged,
    copyAbsent: compared.copyAbsent,
    copyError,
    chain: await checkChain(chain),
  };
}

/** True when the two stores were already the same, or only the copy's unfinished tail was missing. */
export function repairWasQuiet(report: RepairReport): boolean {
  return (
    report.restoredEntries === 0 &&
    report.restoredFiles === 0 &&
    report.rechained === 0 &&
    report.lost.length === 0 &&
    !report.copyDamaged &&
    !report.copyAbsent &&
    report.copyError === null &&
    report.chain.ok
  );
}

async function rechainBranch(compared: StoreComparison, at: string): Promise<ResolvedRecord[]> {
  const out: ResolvedRecord[] = [];
  let last = compared.chain.at(-1);
  for (const { entry, requestKey } of compared.branch) {
    const moved = await rechainEntry(entry, last?.entry.hash ?? null, 'copy', at);
    // Written to IndexedDB under the same id, so a branch record there moves to its new place.
    const record: ResolvedRecord = { seq: (last?.seq ?? 0) + 1, entry: moved, requestKey, inIndexedDb: false, inCopy: false };
    out.push(record);
    last = record;
  }
  return out;
}

async function completeCopy(
  db: EvidenceDb,
  copy: EvidenceCopy,
  chain: readonly ResolvedRecord[],
  fileFixes: readonly FileFix[],
  lost: string[],
  indexedDbSeq: number,
  now: Date,
): Promise<{ entries: number; files: number }> {
  let files = 0;
  await eachLimited(
    fileFixes.filter((fix) => fix.from === 'indexeddb'),
    async (fix) => {
      const bytes = await intactBytes((await db.get('files', fix.ref.path))?.blob ?? null, fix.ref);
      if (!bytes) {
        lost.push(fix.ref.path);
        return;
      }
      await copy.writeFile(fix.captureId, fix.index, bytes);
      files++;
    },
  );
  const missing = chain.filter((record) => !record.inCopy);
  await eachLimited(missing, async (record) => {
    await copy.writeEntry({ seq: record.seq, entry: record.entry, requestKey: record.requestKey });
    if (isDeletion(record.entry)) await copy.removeFiles(record.entry.deletedId, record.entry.removedFiles.length);
  });
  // Last, once everything it points at is there.
  if (missing.length || files) await writeHead(copy, chain, indexedDbSeq, now);
  return { entries: missing.length, files };
}

function writeHead(copy: EvidenceCopy, chain: readonly ResolvedRecord[], indexedDbSeq: number, now: Date): Promise<void> {
  const last = chain.at(-1);
  const seq = last?.seq ?? 0;
  return copy.writeHead({ seq, head: last?.entry.hash ?? null, indexedDbSeq: Math.min(indexedDbSeq, seq), at: isoWithOffset(now) });
}

async function rebuildIndexedDb(
  db: EvidenceDb,
  copy: EvidenceCopy,
  chain: readonly ResolvedRecord[],
  compared: StoreComparison,
  lost: string[],
): Promise<{ entries: number; files: number }> {
  const deletedBy = new Map<string, string>();
  for (const record of chain) if (isDeletion(record.entry)) deletedBy.set(record.entry.deletedId, record.entry.id);
  const missing = chain.filter((record) => !record.inIndexedDb);
  const fixesFromCopy = compared.fileFixes.filter((fix) => fix.from === 'copy');
  const last = chain.at(-1);
  const current = (await db.get('meta', 'chain')) ?? null;
  const headMoves = last !== undefined && (current?.seq !== last.seq || current.head !== last.entry.hash);
  if (missing.length === 0 && fixesFromCopy.length === 0 && compared.displacedInIndexedDb.length === 0 && !headMoves) {
    return { entries: 0, files: 0 };
  }
  // A record goes back together with its files, in one transaction, as a capture is committed.
  const fixesOf = new Map<string, FileFix[]>();
  for (const fix of fixesFromCopy) fixesOf.set(fix.captureId, [...(fixesOf.get(fix.captureId) ?? []), fix]);
  const batchesOfRecords = Array.from({ length: Math.ceil(missing.length / BATCH) }, (_, i) => missing.slice(i * BATCH, (i + 1) * BATCH));
  const placed = new Set(missing.map((record) => record.entry.id));
  const otherFixes = fixesFromCopy.filter((fix) => !placed.has(fix.captureId));
  const plan = [
    ...batchesOfRecords.map((records) => ({ records, fixes: records.flatMap((record) => fixesOf.get(record.entry.id) ?? []) })),
    ...Array.from({ length: Math.ceil(otherFixes.length / BATCH) }, (_, i) => ({ records: [], fixes: otherFixes.slice(i * BATCH, (i + 1) * BATCH) })),
  ];
  if (plan.length === 0) plan.push({ records: [], fixes: [] });
  let files = 0;
  const batches = plan.length;
  for (let batch = 0; batch < batches; batch++) {
    const { records, fixes } = plan[batch]!;
    // Read (and check) the copy's bytes before the transaction: awaiting anything but IndexedDB
    // inside it would let it commit early.
    const restoredFiles: StoredFile[] = [];
    for (const fix of fixes) {
      const blob = await intactBytes(await copy.readFile(fix.captureId, fix.index), fix.ref);
      if (!blob) {
        lost.push(fix.ref.path);
        continue;
      }
      restoredFiles.push({ ...fix.ref, captureId: fix.captureId, blob });
    }
    const tx = writeTransaction(db);
    try {
      const captures = tx.objectStore('captures');
      // The copy already holds these (completeCopy ran first), so their seqs can be freed.
      if (batch === 0) for (const slot of compared.displacedInIndexedDb) await captures.delete(slot.id);
      for (const record of records) {
        const mark = deletedBy.get(record.entry.id);
        await captures.put({ seq: record.seq, entry: record.entry, ...(mark ? { deletedBy: mark } : {}) });
        if (record.requestKey) await tx.objectStore('requests').put({ key: record.requestKey, captureId: record.entry.id, at: entryTime(record.entry) });
        if (isDeletion(record.entry)) {
          for (const ref of record.entry.removedFiles) await tx.objectStore('files').delete(ref.path);
          const target = await captures.get(record.entry.deletedId);
          if (target && target.deletedBy !== record.entry.id) await captures.put({ ...target, deletedBy: record.entry.id });
        }
      }
      for (const file of restoredFiles) await tx.objectStore('files').put(file);
      if (batch === batches - 1 && last) await tx.objectStore('meta').put({ id: 'chain', head: last.entry.hash, seq: last.seq });
      await tx.done;
    } catch (error) {
      await abort(tx);
      throw error;
    }
    files += restoredFiles.length;
  }
  return { entries: missing.length, files };
}

function entryTime(entry: ChainEntry): string {
  return isDeletion(entry) ? entry.deletedAt : entry.capturedAt;
}

/** Every record re-hashed and every link followed, from the first record to the head. */
export async function checkChain(chain: readonly ResolvedRecord[]): Promise<ChainCheck> {
  let previous: ResolvedRecord | null = null;
  for (const record of chain) {
    if ((await hashEntry(record.entry)) !== record.entry.hash) {
      return { ok: false, records: chain.length, problem: `record #${record.seq} does not match its hash` };
    }
    if (record.entry.importedFrom && !(await originalSealHolds(record.entry))) {
      return { ok: false, records: chain.length, problem: `record #${record.seq} no longer matches its original seal` };
    }
    const expected = previous ? previous.entry.hash : null;
    if (record.entry.prevHash !== expected || (previous && record.seq !== previous.seq + 1)) {
      return { ok: false, records: chain.length, problem: `the chain is broken before record #${record.seq}` };
    }
    previous = record;
  }
  return { ok: true, records: chain.length, head: previous?.entry.hash ?? null };
}
