import { sealEntry } from '../evidence/capture-chain';
import type { CaptureEntry, FileRef, FileRole, UnhashedEntry } from '../evidence/capture-entry';
import { isDeletion, liveCaptures, type ChainEntry, type DeletionEntry } from '../evidence/deletion-entry';
import { sha256Hex } from '../evidence/sha256';
import type { ChainState, PendingCapture, StoredCapture, StoredFile } from './evidence-schema';
import type { EvidenceDb } from './open-evidence-db';

// The only way evidence is written or read. A capture, its files, the new chain head, its
// idempotency key and the removal of its in-flight journal record land in one strict-durability
// transaction: all of it is stored or none of it. Deletions are appended to the chain the same way.

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

export type DeletionDraft = Omit<DeletionEntry, 'kind' | 'deletedId' | 'deletedHash' | 'caseId' | 'removedFiles' | 'files' | 'prevHash' | 'hash'>;

export type DeleteResult = { ok: true; deletionId: string } | { ok: false; error: 'not_found' | 'already_deleted' | 'not_a_capture' };

const EMPTY_CHAIN: ChainState = { id: 'chain', head: null, seq: 0 };
const MAX_ATTEMPTS = 8;
const WRITE_STORES = ['captures', 'files', 'meta', 'requests', 'pending'] as const;

type WriteTx = ReturnType<typeof writeTransaction>;

let writeQueue: Promise<unknown> = Promise.resolve();

/** Serialises this context's writes; the head check inside each transaction guards the rest. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = writeQueue.then(task);
  writeQueue = run.catch(() => undefined);
  return run;
}

function writeTransaction(db: EvidenceDb) {
  return db.transaction(WRITE_STORES, 'readwrite', { durability: 'strict' });
}

export function commitCapture(
  db: EvidenceDb,
  draft: CaptureDraft,
  files: readonly NewFile[],
  requestKey: string | null,
): Promise<CommitResult> {
  return serialised(() => commitNow(db, draft, files, requestKey));
}

async function commitNow(
  db: EvidenceDb,
  draft: CaptureDraft,
  files: readonly NewFile[],
  requestKey: string | null,
): Promise<CommitResult> {
  if (requestKey) {
    const seen = await db.get('requests', requestKey);
    if (seen) {
      await db.delete('pending', requestKey);
      return { captureId: seen.captureId, duplicate: true };
    }
  }
  const stored = await Promise.all(files.map((file) => describeFile(draft.id, file)));
  const refs: FileRef[] = stored.map(({ path, sha256, bytes, type, role }) => ({ path, sha256, bytes, type, role }));
  const outcome = await appendToChain(db, (prevHash) => sealEntry<CaptureEntry>({ ...draft, files: refs, prevHash, hash: '' }), async (tx, entry) => {
    if (requestKey) {
      const seen = await tx.objectStore('requests').get(requestKey);
      if (seen) return { captureId: seen.captureId, duplicate: true };
      await tx.objectStore('requests').put({ key: requestKey, captureId: entry.id, at: entry.capturedAt });
      await tx.objectStore('pending').delete(requestKey);
    }
    for (const file of stored) await tx.objectStore('files').put(file);
    return null;
  });
  if ('abandoned' in outcome) {
    if (requestKey) await db.delete('pending', requestKey);
    return outcome.abandoned;
  }
  return { captureId: outcome.entry.id, duplicate: false };
}

/**
 * Removes a capture's files and appends a deletion entry naming it, its hash and the files, in one
 * transaction. The capture's sealed record stays in the chain so the chain still verifies.
 */
export function deleteCapture(db: EvidenceDb, captureId: string, draft: DeletionDraft): Promise<DeleteResult> {
  return serialised(async () => {
    const target = await db.get('captures', captureId);
    if (!target) return { ok: false, error: 'not_found' };
    if (isDeletion(target.entry)) return { ok: false, error: 'not_a_capture' };
    if (target.deletedBy) return { ok: false, error: 'already_deleted' };
    const deleted = target.entry;
    const outcome = await appendToChain(
      db,
      (prevHash) =>
        sealEntry<DeletionEntry>({
          ...draft,
          kind: 'deletion',
          deletedId: deleted.id,
          deletedHash: deleted.hash,
          caseId: deleted.caseId,
          removedFiles: deleted.files,
          files: [],
          prevHash,
          hash: '',
        }),
      async (tx, entry) => {
        const current = await tx.objectStore('captures').get(captureId);
        if (current?.deletedBy) return { ok: false as const, error: 'already_deleted' as const };
        for (const ref of deleted.files) await tx.objectStore('files').delete(ref.path);
        await tx.objectStore('captures').put({ ...target, deletedBy: entry.id });
        return null;
      },
    );
    return 'abandoned' in outcome ? outcome.abandoned : { ok: true, deletionId: outcome.entry.id };
  });
}

/**
 * Appends one sealed entry after the current head. `extraWrites` runs inside the same transaction
 * and may abandon it (its answer is returned instead). Retries when another context moved the head.
 */
async function appendToChain<E extends ChainEntry, A>(
  db: EvidenceDb,
  seal: (prevHash: string | null) => Promise<E>,
  extraWrites: (tx: WriteTx, entry: E) => Promise<A | null>,
): Promise<{ entry: E } | { abandoned: A }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const chain = (await db.get('meta', 'chain')) ?? EMPTY_CHAIN;
    const entry = await seal(chain.head);
    const tx = writeTransaction(db);
    const meta = tx.objectStore('meta');
    const current = (await meta.get('chain')) ?? EMPTY_CHAIN;
    if (current.head !== chain.head || current.seq !== chain.seq) {
      await abort(tx);
      continue;
    }
    try {
      const abandoned = await extraWrites(tx, entry);
      if (abandoned !== null) {
        await abort(tx);
        return { abandoned };
      }
      const seq = current.seq + 1;
      await tx.objectStore('captures').put({ seq, entry });
      await meta.put({ id: 'chain', head: entry.hash, seq });
      await tx.done;
    } catch (error) {
      // A write that throws (a quota error, a value that cannot be stored) must not leave the
      // writes before it to auto-commit: abort, so none of this entry exists.
      await abort(tx);
      throw error;
    }
    return { entry };
  }
  throw new Error('the evidence chain kept moving while this entry was being written');
}

async function abort(tx: WriteTx): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser (e.g. a quota abort): nothing more to undo.
  }
  await tx.done.catch(() => undefined);
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

/** Records a capture in flight before its slow part (the screenshot); the commit removes it. */
export async function journalPending(db: EvidenceDb, record: PendingCapture): Promise<void> {
  const tx = db.transaction('pending', 'readwrite', { durability: 'strict' });
  await tx.store.put(record);
  await tx.done;
}

export function pendingCaptures(db: EvidenceDb): Promise<PendingCapture[]> {
  return db.getAll('pending');
}

export type LiveCapture = StoredCapture & { entry: CaptureEntry };

export function isLive(stored: StoredCapture): stored is LiveCapture {
  return !stored.deletedBy && !isDeletion(stored.entry);
}

/** Captures in force, newest first, `limit` at a time; pass the last seq seen to page further back. */
export async function listCaptures(
  db: EvidenceDb,
  options: { limit: number; beforeSeq?: number },
): Promise<LiveCapture[]> {
  const range = options.beforeSeq === undefined ? null : IDBKeyRange.upperBound(options.beforeSeq, true);
  const out: LiveCapture[] = [];
  let cursor = await db.transaction('captures').store.index('seq').openCursor(range, 'prev');
  while (cursor && out.length < options.limit) {
    if (isLive(cursor.value)) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** The captures in force, in chain order: what cases, checklists and lists are built from. */
export async function liveCaptureEntries(db: EvidenceDb): Promise<CaptureEntry[]> {
  return liveCaptures(await chainEntries(db));
}

/** The whole chain in order, deletion entries and deleted captures' records included, for export. */
export async function chainEntries(db: EvidenceDb): Promise<ChainEntry[]> {
  const all = await db.getAllFromIndex('captures', 'seq');
  return all.map((stored) => stored.entry);
}

export function readFile(db: EvidenceDb, path: string): Promise<StoredFile | undefined> {
  return db.get('files', path);
}

export async function chainState(db: EvidenceDb): Promise<ChainState> {
  return (await db.get('meta', 'chain')) ?? EMPTY_CHAIN;
}

/** A capture that failed to commit is not recovered later under a misleading reason. */
export async function dropPending(db: EvidenceDb, key: string): Promise<void> {
  await db.delete('pending', key);
}
