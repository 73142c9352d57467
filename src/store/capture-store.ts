import { sealEntry } from '../evidence/capture-chain';
import type { CaptureEntry, FileRef, FileRole, UnhashedEntry } from '../evidence/capture-entry';
import { sha256Hex } from '../evidence/sha256';
import type { ChainState, StoredCapture, StoredFile } from './evidence-schema';
import type { EvidenceDb } from './open-evidence-db';

// The only way evidence is written or read. A capture, its files, the new chain head and its
// idempotency key land in one strict-durability transaction: all of it is stored or none of it.

export interface NewFile {
  name: string;
  blob: Blob;
  role: FileRole;
}

export type CaptureDraft = Omit<UnhashedEntry, 'files' | 'prevHash'>;

export interface CommitResult {
  captureId: string;
  duplicate: boolean;
}

const EMPTY_CHAIN: ChainState = { id: 'chain', head: null, seq: 0 };
const MAX_ATTEMPTS = 8;

let writeQueue: Promise<unknown> = Promise.resolve();

/** Serialises this context's writes; the head check inside the transaction guards the rest. */
export function commitCapture(
  db: EvidenceDb,
  draft: CaptureDraft,
  files: readonly NewFile[],
  requestKey: string | null,
): Promise<CommitResult> {
  const run = writeQueue.then(() => commitNow(db, draft, files, requestKey));
  writeQueue = run.catch(() => undefined);
  return run;
}

async function commitNow(
  db: EvidenceDb,
  draft: CaptureDraft,
  files: readonly NewFile[],
  requestKey: string | null,
): Promise<CommitResult> {
  if (requestKey) {
    const seen = await db.get('requests', requestKey);
    if (seen) return { captureId: seen.captureId, duplicate: true };
  }
  const stored = await Promise.all(files.map((file) => describeFile(draft.id, file)));
  const refs: FileRef[] = stored.map(({ path, sha256, bytes, type, role }) => ({ path, sha256, bytes, type, role }));

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const chain = (await db.get('meta', 'chain')) ?? EMPTY_CHAIN;
    const entry = await sealEntry({ ...draft, files: refs, prevHash: chain.head });
    const outcome = await writeIfHeadUnchanged(db, entry, stored, chain, requestKey);
    if (outcome !== 'head-moved') return outcome;
  }
  throw new Error('the evidence chain kept moving while this capture was being written');
}

async function writeIfHeadUnchanged(
  db: EvidenceDb,
  entry: CaptureEntry,
  files: readonly StoredFile[],
  expected: ChainState,
  requestKey: string | null,
): Promise<CommitResult | 'head-moved'> {
  const tx = db.transaction(['captures', 'files', 'meta', 'requests'], 'readwrite', { durability: 'strict' });
  const meta = tx.objectStore('meta');
  const current = (await meta.get('chain')) ?? EMPTY_CHAIN;
  if (current.head !== expected.head || current.seq !== expected.seq) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return 'head-moved';
  }
  if (requestKey) {
    const seen = await tx.objectStore('requests').get(requestKey);
    if (seen) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return { captureId: seen.captureId, duplicate: true };
    }
    await tx.objectStore('requests').put({ key: requestKey, captureId: entry.id, at: entry.capturedAt });
  }
  for (const file of files) await tx.objectStore('files').put(file);
  const seq = current.seq + 1;
  await tx.objectStore('captures').put({ seq, entry });
  await meta.put({ id: 'chain', head: entry.hash, seq });
  await tx.done;
  return { captureId: entry.id, duplicate: false };
}

async function describeFile(captureId: string, file: NewFile): Promise<StoredFile> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  return {
    path: `captures/${captureId}/${file.name}`,
    captureId,
    blob: file.blob,
    sha256: await sha256Hex(bytes),
    bytes: bytes.byteLength,
    type: file.blob.type || 'application/octet-stream',
    role: file.role,
  };
}

/** Newest first, `limit` at a time; pass the last seq seen to page further back. */
export async function listCaptures(
  db: EvidenceDb,
  options: { limit: number; beforeSeq?: number },
): Promise<StoredCapture[]> {
  const range = options.beforeSeq === undefined ? null : IDBKeyRange.upperBound(options.beforeSeq, true);
  const out: StoredCapture[] = [];
  let cursor = await db.transaction('captures').store.index('seq').openCursor(range, 'prev');
  while (cursor && out.length < options.limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** The whole chain in order, for export. */
export async function chainEntries(db: EvidenceDb): Promise<CaptureEntry[]> {
  const all = await db.getAllFromIndex('captures', 'seq');
  return all.map((stored) => stored.entry);
}

export function readFile(db: EvidenceDb, path: string): Promise<StoredFile | undefined> {
  return db.get('files', path);
}

export async function chainState(db: EvidenceDb): Promise<ChainState> {
  return (await db.get('meta', 'chain')) ?? EMPTY_CHAIN;
}
