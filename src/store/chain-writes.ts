import type { ChainEntry } from '../evidence/deletion-entry';
import type { ChainState } from './evidence-schema';
import type { EvidenceDb } from './open-evidence-db';

// What every write to the chain in IndexedDB shares: one queue per context, strict-durability
// transactions, and appending one sealed entry after the head the transaction itself sees.

export const EMPTY_CHAIN: ChainState = { id: 'chain', head: null, seq: 0 };
const MAX_ATTEMPTS = 8;
const WRITE_STORES = ['captures', 'files', 'meta', 'requests', 'pending'] as const;

export type WriteTx = ReturnType<typeof writeTransaction>;

let writeQueue: Promise<unknown> = Promise.resolve();

/**
 * Serialises this context's writes (captures, deletions, repairs of either store); the head check
 * inside each transaction guards against other contexts.
 */
export function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = writeQueue.then(task);
  writeQueue = run.catch(() => undefined);
  return run;
}

export function writeTransaction(db: EvidenceDb) {
  return db.transaction(WRITE_STORES, 'readwrite', { durability: 'strict' });
}

/**
 * Appends one sealed entry after the current head. `extraWrites` runs inside the same transaction
 * and may abandon it (its answer is returned instead). Retries when another context moved the head.
 */
export async function appendToChain<E extends ChainEntry, A>(
  db: EvidenceDb,
  seal: (prevHash: string | null) => Promise<E>,
  extraWrites: (tx: WriteTx, entry: E) => Promise<A | null>,
): Promise<{ entry: E; seq: number } | { abandoned: A }> {
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
    const seq = current.seq + 1;
    try {
      const abandoned = await extraWrites(tx, entry);
      if (abandoned !== null) {
        await abort(tx);
        return { abandoned };
      }
      await tx.objectStore('captures').put({ seq, entry });
      await meta.put({ id: 'chain', head: entry.hash, seq });
      await tx.done;
    } catch (error) {
      // A write that throws (a quota error, a value that cannot be stored) must not leave the
      // writes before it to auto-commit: abort, so none of this entry exists.
      await abort(tx);
      throw error;
    }
    return { entry, seq };
  }
  throw new Error('the evidence chain kept moving while this entry was being written');
}

export async function abort(tx: WriteTx): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser (e.g. a quota abort): nothing more to undo.
  }
  await tx.done.catch(() => undefined);
}
