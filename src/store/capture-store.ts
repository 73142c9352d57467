import { sealEntry } from '../evidence/capture-chain';
import type { CaptureDraft, CaptureEntry, FileRef, FileRole } from '../evidence/capture-entry';
import { isDeletion, liveCaptures, type ChainEntry, type DeletionEntry } from '../evidence/deletion-entry';
import { sha256Hex } from '../evidence/sha256';
import { appendToChain, EMPTY_CHAIN, serialised } from './chain-writes';
import { appendToCopy, commitToCopyOnly, NO_COPY, restoreBeforeWrite, writeFilesToCopy, type CopyOutcome, type StoreMiss } from './copy-append';
import type { CopyHeadState, EvidenceCopy } from './evidence-copy';
import type { ChainState, PendingCapture, StoredCapture, StoredFile } from './evidence-schema';
import type { EvidenceDb } from './open-evidence-db';
import type { CheckPlan } from './store-comparison';
import { repairStores, type RepairReport } from './store-repair';

// The only way evidence is written or read. A capture, its files, the new chain head, its
// idempotency key and the removal of its in-flight journal record land in one strict-durability
// transaction: all of it is stored or none of it. Deletions are appended to the chain the same way.
// Given the second copy (evidence-copy.ts), every record also goes there right after the commit;
// the answer says when one of the two stores could not take it.

export interface NewFile {
  name: string;
  blob: Blob;
  role: FileRole;
}

export type { CaptureDraft } from '../evidence/capture-entry';

export interface CommitResult {
  captureId: string;
  duplicate: boolean;
  /** Null when every store holds the capture; otherwise the one that could not, and why. */
  failed: StoreMiss | null;
  /** The two stores had to be repaired on the way (worth telling the shopper), or null. */
  repaired: RepairReport | null;
}

export type DeletionDraft = Omit<DeletionEntry, 'kind' | 'deletedId' | 'deletedHash' | 'caseId' | 'removedFiles' | 'files' | 'prevHash' | 'hash'>;

export type DeleteResult =
  | { ok: true; deletionId: string; failed: StoreMiss | null; repaired: RepairReport | null }
  | { ok: false; error: 'not_found' | 'already_deleted' | 'not_a_capture' };

export type { StoreMiss } from './copy-append';

/**
 * Commits a capture to IndexedDB and, given one, to the copy. With `db` null (IndexedDB could not be
 * opened) or a failed IndexedDB write, the copy alone keeps it and `failed` says so; when both fail
 * this throws IndexedDB's error.
 */
export function commitCapture(
  db: EvidenceDb | null,
  draft: CaptureDraft,
  files: readonly NewFile[],
  requestKey: string | null,
  copy: EvidenceCopy | null = null,
): Promise<CommitResult> {
  return serialised(() => commitNow(db, draft, files, requestKey, copy));
}

async function commitNow(
  db: EvidenceDb | null,
  draft: CaptureDraft,
  files: readonly NewFile[],
  requestKey: string | null,
  copy: EvidenceCopy | null,
): Promise<CommitResult> {
  const stored = await Promise.all(files.map((file) => describeFile(draft.id, file)));
  // The copy's files need no seal: they are written while IndexedDB commits.
  const copyFiles = copy ? writeFilesToCopy(copy, draft.id, stored) : Promise.resolve(null);
  let outcome;
  let restored: RepairReport | null = null;
  let copyHead: CopyHeadState = 'absent';
  try {
    if (!db) throw new Error('IndexedDB could not be opened');
    if (requestKey) {
      const seen = await db.get('requests', requestKey);
      if (seen) {
        await db.delete('pending', requestKey);
        await dropCopyFiles(copy, draft.id, stored.length, copyFiles);
        return { captureId: seen.captureId, duplicate: true, failed: null, repaired: null };
      }
    }
    if (copy) ({ repaired: restored, head: copyHead } = await restoreBeforeWrite(db, copy).catch(copyUnreadable));
    const refs: FileRef[] = stored.map(({ path, sha256, bytes, type, role }) => ({ path, sha256, bytes, type, role }));
    outcome = await appendToChain(db, (prevHash) => sealEntry<CaptureEntry>({ ...draft, files: refs, prevHash, hash: '' }), async (tx, entry) => {
      if (requestKey) {
        const seen = await tx.objectStore('requests').get(requestKey);
        if (seen) return { captureId: seen.captureId, duplicate: true, failed: null, repaired: null };
        await tx.objectStore('requests').put({ key: requestKey, captureId: entry.id, at: entry.capturedAt });
        await tx.objectStore('pending').delete(requestKey);
      }
      for (const file of stored) await tx.objectStore('files').put(file);
      return null;
    });
  } catch (error) {
    if (!copy) throw error;
    return { ...(await commitToCopyOnly(copy, draft, stored, requestKey, copyFiles, error)), repaired: restored };
  }
  if ('abandoned' in outcome) {
    if (requestKey) await db.delete('pending', requestKey);
    await dropCopyFiles(copy, draft.id, stored.length, copyFiles);
    return outcome.abandoned;
  }
  const copied = copy ? await appendToCopy(db, copy, { ...outcome, requestKey }, copyFiles, copyHead) : NO_COPY;
  return { captureId: outcome.entry.id, duplicate: false, failed: copied.failed, repaired: copied.repaired ?? restored };
}

/** A copy that cannot even be read must not stop IndexedDB's write; after it, the copy is repaired (or reported failed). */
function copyUnreadable(): { repaired: null; head: CopyHeadState } {
  return { repaired: null, head: 'damaged' };
}

async function dropCopyFiles(copy: EvidenceCopy | null, captureId: string, count: number, written: Promise<unknown>): Promise<void> {
  if (!copy) return;
  await written;
  await copy.removeFiles(captureId, count).catch(() => undefined);
}

/**
 * Removes a capture's files and appends a deletion entry naming it, its hash and the files, in one
 * transaction. The capture's sealed record stays in the chain so the chain still verifies. The copy
 * then drops the same files and gets the same deletion entry.
 */
export function deleteCapture(db: EvidenceDb, captureId: string, draft: DeletionDraft, copy: EvidenceCopy | null = null): Promise<DeleteResult> {
  return serialised(async () => {
    const target = await db.get('captures', captureId);
    if (!target) return { ok: false, error: 'not_found' };
    if (isDeletion(target.entry)) return { ok: false, error: 'not_a_capture' };
    if (target.deletedBy) return { ok: false, error: 'already_deleted' };
    const deleted = target.entry;
    const before = copy ? await restoreBeforeWrite(db, copy).catch(copyUnreadable) : null;
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
    if ('abandoned' in outcome) return outcome.abandoned;
    const copied: CopyOutcome = copy && before ? await appendToCopy(db, copy, { ...outcome, requestKey: null }, Promise.resolve(null), before.head) : NO_COPY;
    return { ok: true, deletionId: outcome.entry.id, failed: copied.failed, repaired: copied.repaired ?? before?.repaired ?? null };
  });
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

/**
 * Resolves once every write queued before it in this context is done: a repair of the copy queued
 * at start, say, so that an answer about a stored capture waits until both stores hold it.
 */
export function queuedWritesDone(): Promise<void> {
  return serialised(async () => undefined);
}

/** Compares the two stores and makes them hold the same chain again, queued with every other write. */
export function repairEvidence(db: EvidenceDb, copy: EvidenceCopy, plan: CheckPlan): Promise<RepairReport> {
  return serialised(() => repairStores(db, copy, plan));
}

/** A capture that failed to commit is not recovered later under a misleading reason. */
export async function dropPending(db: EvidenceDb, key: string): Promise<void> {
  await db.delete('pending', key);
}
