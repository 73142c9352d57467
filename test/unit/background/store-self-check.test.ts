import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkStoresAtStart } from '../../../src/background/store-self-check';
import { chainEntries, chainState, commitCapture, queuedWritesDone } from '../../../src/store/capture-store';
import type { EvidenceDb } from '../../../src/store/open-evidence-db';
import type { RepairReport } from '../../../src/store/store-repair';
import { draft, files, freshDb } from '../../helpers/evidence-builders';
import { memoryCopy, type MemoryCopy } from '../../helpers/memory-copy';

vi.mock('webextension-polyfill', () => ({ default: {} }));

// The worker's start: which repairs every request must wait for, and which it need not.

async function filled(count: number): Promise<{ db: EvidenceDb; mem: MemoryCopy }> {
  const db = await freshDb();
  const mem = memoryCopy();
  for (let i = 0; i < count; i++) await commitCapture(db, draft({ id: `c${i}` }), files(`c${i}`), `key-c${i}`, mem.copy);
  return { db, mem };
}

let releaseHeld = () => undefined as void;
// The write queue is shared by the whole context: a test that failed while writes were held must not stall the next.
afterEach(() => releaseHeld());

/** The copy's writes wait until the answer is called: a repair of the copy is still running meanwhile. */
function holdWrites(mem: MemoryCopy): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  releaseHeld = release;
  const write = mem.files.write.bind(mem.files);
  mem.files.write = async (...args) => {
    await gate;
    return write(...args);
  };
  return release;
}

describe('the two stores compared at worker start', () => {
  it('does not keep requests waiting while only the copy is behind, and still completes it before the next write', async () => {
    const { db, mem } = await filled(2);
    // A worker stopped between IndexedDB's commit and the copy's: IndexedDB has record 3, the copy's head is at 2.
    mem.failWrites = new Error('stopped');
    await commitCapture(db, draft({ id: 'c2' }), files('c2'), 'key-c2', mem.copy);
    mem.failWrites = null;
    expect(await mem.copy.readHead()).toMatchObject({ seq: 2 });

    const release = holdWrites(mem);
    const told: RepairReport[] = [];
    const started = checkStoresAtStart(db, mem.copy, async (report) => void told.push(report));
    const outcome = await Promise.race([started.then(() => 'ready'), new Promise((resolve) => setTimeout(resolve, 500, 'waiting'))]);
    expect(outcome).toBe('ready');
    // An answer about a stored capture (a retried request) waits until the copy holds it too.
    let copied = false;
    const answered = queuedWritesDone().then(async () => {
      const head = await mem.copy.readHead();
      copied = typeof head === 'object' && head.seq >= 3;
    });
    // A write of this worker queues behind the repair: it finds the copy complete and appends to it.
    const next = commitCapture(db, draft({ id: 'c3' }), files('c3'), 'key-c3', mem.copy);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(copied).toBe(false);
    release();
    await answered;
    expect(copied).toBe(true);
    expect(await next).toMatchObject({ captureId: 'c3', failed: null, repaired: null });
    const entries = await chainEntries(db);
    expect(entries).toHaveLength(4);
    expect(await mem.copy.readHead()).toMatchObject({ seq: 4, head: entries[3]!.hash, indexedDbSeq: 4 });
    for (const [index, entry] of entries.entries()) expect(await mem.copy.readEntry(index + 1, entry.hash)).not.toBeNull();
    // Completing an unfinished write is not news to the shopper.
    expect(told).toEqual([]);
  });

  it('keeps requests waiting until an IndexedDB that lost records has them back from the copy', async () => {
    const { mem } = await filled(3);
    const reset = await freshDb();
    const told: RepairReport[] = [];
    await checkStoresAtStart(reset, mem.copy, async (report) => void told.push(report));
    expect(await chainState(reset)).toMatchObject({ seq: 3 });
    expect(told).toEqual([expect.objectContaining({ restoredEntries: 3, chain: expect.objectContaining({ ok: true }) })]);
  });

  it('waits for the repair when the copy and IndexedDB disagree on a record the copy vouches for', async () => {
    const { db, mem } = await filled(2);
    const entries = await chainEntries(db);
    // A copy head that names another record at seq 2 than IndexedDB holds: not merely behind.
    await mem.files.write('', 'head.json', JSON.stringify({ seq: 1, head: entries[1]!.hash, indexedDbSeq: 1, at: '2026-12-06T09:00:00.000+08:00' }));
    const release = holdWrites(mem);
    const started = checkStoresAtStart(db, mem.copy, async () => undefined);
    const outcome = await Promise.race([started.then(() => 'ready'), new Promise((resolve) => setTimeout(resolve, 300, 'waiting'))]);
    expect(outcome).toBe('waiting');
    release();
    await started;
    expect(await mem.copy.readHead()).toMatchObject({ seq: 2, head: entries[1]!.hash });
  });
});
