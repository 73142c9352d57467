import { hashEntry } from '../evidence/capture-chain';
import type { FileRef } from '../evidence/capture-entry';
import { isDeletion, type ChainEntry } from '../evidence/deletion-entry';
import { sha256Hex } from '../evidence/sha256';
import { EMPTY_CHAIN } from './chain-writes';
import { eachLimited } from './each-limited';
import { copyFileName, type CopyHeadState, type EvidenceCopy } from './evidence-copy';
import type { EvidenceDb } from './open-evidence-db';

// Compares IndexedDB with the copy record by record and file by file and works out one chain both
// must hold (store-repair.ts then writes it). Nothing here writes.
//
// The chain is resolved seq by seq from the start: at each position the record that links to the
// one before it is kept, whichever side holds it; when both sides hold different records that both
// link (the stores diverged), the copy's is kept in place — the copy is written only after
// IndexedDB committed, so its records were the ones acknowledged by both — and every record of the
// other branch is kept too, to be appended again after the head (re-chained, imported-entry.ts).
// Nothing either side holds is dropped.

/** How closely a record and its files are checked: presence; size and readability; or every byte against its SHA-256. */
export type FileCheck = 'presence' | 'sizes' | 'bytes';

export interface SeqRange {
  from: number;
  count: number;
}

/**
 * One level for every record, or windows of records by seq checked more closely than the rest
 * (presence): so a large store is checked in turns, a bounded amount per browser session.
 */
export type CheckPlan = FileCheck | { sizes: SeqRange; bytes: SeqRange };

/** Records checked more closely per browser session (store-self-check.ts): by size, and by SHA-256. */
export const SESSION_WINDOWS = { sizes: 1_000, bytes: 200 } as const;

/**
 * This session's plan: every window starts where the last one ended (`next`), or from the first
 * record again once it ran past the end.
 */
export function sessionPlan(next: Partial<Record<'sizes' | 'bytes', number>>, records: number): { sizes: SeqRange; bytes: SeqRange } {
  const start = (at: number | undefined) => (typeof at === 'number' && at >= 1 && at <= records ? at : 1);
  return {
    sizes: { from: start(next.sizes), count: SESSION_WINDOWS.sizes },
    bytes: { from: start(next.bytes), count: SESSION_WINDOWS.bytes },
  };
}

export function levelAt(plan: CheckPlan, seq: number): FileCheck {
  if (typeof plan === 'string') return plan;
  const within = (range: SeqRange) => seq >= range.from && seq < range.from + range.count;
  return within(plan.bytes) ? 'bytes' : within(plan.sizes) ? 'sizes' : 'presence';
}

/**
 * How closely the copy's side of a record is checked. Beyond the copy's head at least by size: the
 * head is written only after a record and its files were closed, so what lies past it may be what a
 * stopped worker left — a file created by name but never written (0 bytes).
 */
function copyLevelAt(plan: CheckPlan, seq: number, copyClaims: number): FileCheck {
  const level = levelAt(plan, seq);
  return level === 'presence' && seq > copyClaims ? 'sizes' : level;
}

export interface ResolvedRecord {
  seq: number;
  entry: ChainEntry;
  requestKey: string | null;
  inIndexedDb: boolean;
  inCopy: boolean;
}

export interface FileFix {
  captureId: string;
  index: number;
  ref: FileRef;
  /** The side that holds it intact, and so the side it is copied from. */
  from: 'indexeddb' | 'copy';
}

export interface StoreComparison {
  /** The chain both stores must hold, in order, as far as it can be resolved in place. */
  chain: ResolvedRecord[];
  /** Records of a diverged branch (or left out of the resolved chain), oldest first: to be re-chained. */
  branch: Array<{ entry: ChainEntry; requestKey: string | null }>;
  /** IndexedDB records that must leave their seq: another record belongs there, or they are re-chained. */
  displacedInIndexedDb: Array<{ seq: number; id: string }>;
  fileFixes: FileFix[];
  /** Records (`record #seq`) and files (their path) that neither store holds intact. */
  lost: string[];
  /** The copy lacked or held a wrong record or file below its own head, or its head was damaged. */
  copyDamaged: boolean;
  /** There was no copy at all while IndexedDB held records (first run after an update, or the copy was wiped). */
  copyAbsent: boolean;
  copyHead: CopyHeadState;
  indexedDbSeq: number;
}

/** True when both stores already hold the same chain, files and head (what is lost stays lost either way). */
export function storesAgree(compared: StoreComparison): boolean {
  const last = compared.chain.at(-1);
  const head = compared.copyHead;
  const headAgrees =
    typeof head === 'object'
      ? head.seq === (last?.seq ?? 0) && head.head === (last?.entry.hash ?? null) && head.indexedDbSeq === head.seq
      : head === 'absent' && last === undefined;
  return (
    headAgrees &&
    compared.indexedDbSeq === (last?.seq ?? 0) &&
    compared.branch.length === 0 &&
    compared.displacedInIndexedDb.length === 0 &&
    compared.fileFixes.length === 0 &&
    compared.chain.every((record) => record.inIndexedDb && record.inCopy)
  );
}

export async function compareStores(db: EvidenceDb, copy: EvidenceCopy, plan: CheckPlan): Promise<StoreComparison> {
  const [records, chainState, requests, dbFiles, copyHead, copyNames, copyFiles] = await Promise.all([
    db.getAllFromIndex('captures', 'seq'),
    db.get('meta', 'chain'),
    db.getAll('requests'),
    db.getAllKeys('files'),
    copy.readHead(),
    copy.listEntries(),
    copy.listFiles(),
  ]);
  const keyOf = new Map(requests.map((request) => [request.captureId, request.key]));
  const indexedDb = new Map(records.map((record) => [record.seq, record.entry]));
  const inCopy = new Map<number, string[]>();
  for (const name of copyNames) inCopy.set(name.seq, [...(inCopy.get(name.seq) ?? []), name.hash]);
  const lastSeq = Math.max(records.at(-1)?.seq ?? 0, copyNames.at(-1)?.seq ?? 0);
  const copyClaims = typeof copyHead === 'object' ? copyHead.seq : 0;

  // What needs a read per record is read up front, several at a time (it is I/O, not CPU): whether
  // IndexedDB's record still hashes to itself ('bytes'), and whether the copy's record of the same
  // hash reads back whole (beyond 'presence').
  const dbHashHolds = new Map<number, boolean>();
  const copyReadsBack = new Map<number, boolean>();
  await eachLimited(records, async ({ seq, entry }) => {
    if (levelAt(plan, seq) === 'bytes') dbHashHolds.set(seq, (await hashEntry(entry)) === entry.hash);
    if (copyLevelAt(plan, seq, copyClaims) !== 'presence' && inCopy.get(seq)?.includes(entry.hash)) {
      copyReadsBack.set(seq, (await copy.readEntry(seq, entry.hash)) !== null);
    }
  });

  const chain: ResolvedRecord[] = [];
  const candidatesLeft: Array<{ entry: ChainEntry; requestKey: string | null }> = [];
  const displaced: Array<{ seq: number; id: string }> = [];
  const lost: string[] = [];
  let copyDamaged = copyHead === 'damaged' || (copyHead === 'absent' && copyNames.length > 0);
  for (let seq = 1; seq <= lastSeq; seq++) {
    const previous = chain.at(-1);
    // After a hole (a record neither side holds) the link cannot be checked; anything valid may follow.
    const expectedPrev = seq === 1 ? null : previous?.seq === seq - 1 ? previous.entry.hash : undefined;
    const fromDb = indexedDb.get(seq);
    const check = levelAt(plan, seq);
    const dbValid = fromDb !== undefined && (check !== 'bytes' || dbHashHolds.get(seq) === true);
    const hashes = inCopy.get(seq) ?? [];
    // Beyond presence, the copy's record must also read back whole and hash to its name.
    const copySame = dbValid && hashes.includes(fromDb.hash) && (copyLevelAt(plan, seq, copyClaims) === 'presence' || copyReadsBack.get(seq) === true);
    if (copySame) {
      chain.push({ seq, entry: fromDb, requestKey: keyOf.get(fromDb.id) ?? null, inIndexedDb: true, inCopy: true });
      continue;
    }
    const fromCopy: Array<{ entry: ChainEntry; requestKey: string | null }> = [];
    for (const hash of hashes) {
      if (dbValid && hash === fromDb.hash) {
        // Listed under IndexedDB's hash but unreadable: the copy's record is damaged (past its
        // head: a write that was never finished, to be completed without alarm).
        if (seq <= copyClaims) copyDamaged = true;
        continue;
      }
      const record = await copy.readEntry(seq, hash);
      if (record) fromCopy.push({ entry: record.entry, requestKey: record.requestKey });
      else if (seq <= copyClaims) copyDamaged = true;
    }
    if (dbValid && hashes.length === 0 && seq <= copyClaims) copyDamaged = true;
    const links = (entry: ChainEntry) => expectedPrev === undefined || entry.prevHash === expectedPrev;
    // The copy's record first: on a divergence it is the one both stores acknowledged.
    const chosenCopy = fromCopy.find((candidate) => links(candidate.entry));
    const dbLinks = dbValid && links(fromDb);
    if (chosenCopy) {
      chain.push({ seq, ...chosenCopy, inIndexedDb: false, inCopy: true });
      // Whatever IndexedDB holds at this seq makes room; a valid record of it is re-chained.
      if (fromDb) displaced.push({ seq, id: fromDb.id });
      if (dbValid) candidatesLeft.push({ entry: fromDb, requestKey: keyOf.get(fromDb.id) ?? null });
    } else if (dbLinks) {
      chain.push({ seq, entry: fromDb, requestKey: keyOf.get(fromDb.id) ?? null, inIndexedDb: true, inCopy: false });
    } else if (dbValid) {
      // A record of another branch: it moves to its place after the head.
      displaced.push({ seq, id: fromDb.id });
      candidatesLeft.push({ entry: fromDb, requestKey: keyOf.get(fromDb.id) ?? null });
    } else if (fromCopy.length === 0) {
      // A record IndexedDB holds but cannot vouch for stays where it is; it is reported, not erased.
      lost.push(`record #${seq}`);
    }
    candidatesLeft.push(...fromCopy.filter((candidate) => candidate !== chosenCopy));
  }

  const kept = new Set(chain.map((record) => record.entry.id));
  const branch: Array<{ entry: ChainEntry; requestKey: string | null }> = [];
  for (const candidate of candidatesLeft) {
    if (kept.has(candidate.entry.id)) continue;
    kept.add(candidate.entry.id);
    branch.push(candidate);
  }

  const { fileFixes, lostFiles, copyMissedFiles } = await compareFiles(
    { db, copy, dbFiles: new Set(dbFiles), copyFiles, copyClaims, plan },
    [...chain.map((record) => record.entry), ...branch.map((record) => record.entry)],
    new Map(chain.map((record) => [record.entry.id, record.seq])),
  );
  return {
    chain,
    branch,
    displacedInIndexedDb: displaced,
    fileFixes,
    lost: [...lost, ...lostFiles],
    copyDamaged: copyDamaged || copyMissedFiles,
    copyAbsent: copyHead === 'absent' && copyNames.length === 0 && records.length > 0,
    copyHead,
    indexedDbSeq: (chainState ?? EMPTY_CHAIN).seq,
  };
}

interface FileSides {
  db: EvidenceDb;
  copy: EvidenceCopy;
  dbFiles: ReadonlySet<string>;
  copyFiles: ReadonlySet<string>;
  copyClaims: number;
  plan: CheckPlan;
}

async function compareFiles(
  sides: FileSides,
  entries: readonly ChainEntry[],
  seqOf: ReadonlyMap<string, number>,
): Promise<{ fileFixes: FileFix[]; lostFiles: string[]; copyMissedFiles: boolean }> {
  const { db, copy, dbFiles, copyFiles, copyClaims, plan } = sides;
  const deleted = new Set(entries.filter(isDeletion).map((entry) => entry.deletedId));
  const fileFixes: FileFix[] = [];
  const lostFiles: string[] = [];
  let copyMissedFiles = false;
  const files = entries
    .filter((entry) => !isDeletion(entry) && !deleted.has(entry.id))
    .flatMap((entry) => entry.files.map((ref, index) => ({ entry, ref, index })));
  const held = new Map<(typeof files)[number], [boolean, boolean]>();
  await eachLimited(files, async (file) => {
    const { entry, ref, index } = file;
    // A record of a diverged branch has no place yet: its files are looked at for presence.
    const seq = seqOf.get(entry.id) ?? 0;
    held.set(file, [
      dbFiles.has(ref.path) && (await fileHolds(levelAt(plan, seq), async () => (await db.get('files', ref.path))?.blob ?? null, ref, 'indexeddb')),
      copyFiles.has(copyFileName(entry.id, index)) && (await fileHolds(copyLevelAt(plan, seq, copyClaims), () => copy.readFile(entry.id, index), ref, 'copy')),
    ]);
  });
  // In chain order, so the repair and the report list them as the chain does.
  for (const file of files) {
    const { entry, ref, index } = file;
    const [dbOk, copyOk] = held.get(file)!;
    if (dbOk && copyOk) continue;
    if (dbOk) {
      fileFixes.push({ captureId: entry.id, index, ref, from: 'indexeddb' });
      if ((seqOf.get(entry.id) ?? Infinity) <= copyClaims) copyMissedFiles = true;
    } else if (copyOk) {
      fileFixes.push({ captureId: entry.id, index, ref, from: 'copy' });
    } else {
      lostFiles.push(ref.path);
    }
  }
  return { fileFixes, lostFiles, copyMissedFiles };
}

/** Whether a stored file is there and, as far as `check` looks, intact. A read error counts as not. */
async function fileHolds(check: FileCheck, read: () => Promise<Blob | null>, ref: FileRef, side: 'indexeddb' | 'copy'): Promise<boolean> {
  try {
    if (check === 'presence') return true;
    const blob = await read();
    if (!blob) return false;
    if (blob.size !== ref.bytes) return false;
    if (check === 'sizes') {
      // A copy file's size is the file's own; IndexedDB keeps a blob's size in its record, so only
      // reading a byte shows its file is really there.
      if (side === 'indexeddb' && ref.bytes > 0) await blob.slice(0, 1).arrayBuffer();
      return true;
    }
    return (await sha256Hex(new Uint8Array(await blob.arrayBuffer()))) === ref.sha256;
  } catch {
    return false;
  }
}

/** A file's bytes from one side, only when they still match the sealed SHA-256. */
export async function intactBytes(blob: Blob | null, ref: FileRef): Promise<Blob | null> {
  if (!blob) return null;
  try {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (bytes.byteLength !== ref.bytes || (await sha256Hex(bytes)) !== ref.sha256) return null;
    return new Blob([bytes], { type: ref.type });
  } catch {
    return null;
  }
}
