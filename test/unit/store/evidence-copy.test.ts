import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { isDeletion } from '../../../src/evidence/deletion-entry';
import { originalSealHolds } from '../../../src/evidence/imported-entry';
import { chainEntries, chainState, commitCapture, deleteCapture, readFile, repairEvidence } from '../../../src/store/capture-store';
import { copyFileName, entryFileName } from '../../../src/store/evidence-copy';
import type { EvidenceDb } from '../../../src/store/open-evidence-db';
import { repairWasQuiet } from '../../../src/store/store-repair';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { bundleBytes, draft, files, freshDb } from '../../helpers/evidence-builders';
import { memoryCopy, type MemoryCopy } from '../../helpers/memory-copy';

// The second copy beside IndexedDB: written with every record, compared and repaired in both
// directions, and never the reason a record or file disappears.

async function capture(db: EvidenceDb | null, mem: MemoryCopy | null, id: string) {
  return commitCapture(db, draft({ id }), files(id), `key-${id}`, mem?.copy ?? null);
}

async function filled(count: number): Promise<{ db: EvidenceDb; mem: MemoryCopy }> {
  const db = await freshDb();
  const mem = memoryCopy();
  for (let i = 0; i < count; i++) await capture(db, mem, `c${i}`);
  return { db, mem };
}

async function fileText(db: EvidenceDb, path: string): Promise<string | null> {
  const stored = await readFile(db, path);
  return stored ? new TextDecoder().decode(new Uint8Array(await stored.blob.arrayBuffer())) : null;
}

describe('the second copy of the evidence', () => {
  it('holds every committed record, its files and the head, and the answer says both stores took it', async () => {
    const db = await freshDb();
    const mem = memoryCopy();
    const result = await capture(db, mem, 'one');
    expect(result).toEqual({ captureId: 'one', duplicate: false, failed: null, repaired: null });
    const [entry] = (await chainEntries(db)) as CaptureEntry[];
    expect([...mem.folders.get('entries')!.keys()]).toEqual([entryFileName(1, entry!.hash)]);
    expect([...mem.folders.get('files')!.keys()].sort()).toEqual([copyFileName('one', 0), copyFileName('one', 1)]);
    expect(await mem.copy.readHead()).toMatchObject({ seq: 1, head: entry!.hash, indexedDbSeq: 1 });
    expect(await mem.copy.readEntry(1, entry!.hash)).toEqual({ seq: 1, entry, requestKey: 'key-one' });
    const copied = await mem.copy.readFile('one', 1);
    expect(await copied!.text()).toBe(await fileText(db, entry!.files[1]!.path));
  });

  it('refuses a copy record that was edited, and a head that is not one', async () => {
    const { db, mem } = await filled(1);
    const [entry] = await chainEntries(db);
    const name = entryFileName(1, entry!.hash);
    const record = JSON.parse(await mem.folders.get('entries')!.get(name)!.text());
    record.entry.amount = 9999;
    mem.folders.get('entries')!.set(name, new Blob([JSON.stringify(record)]));
    expect(await mem.copy.readEntry(1, entry!.hash)).toBeNull();
    mem.folders.get('')!.set('head.json', new Blob(['{"seq":1,"head":"nope"']));
    expect(await mem.copy.readHead()).toBe('damaged');
  });

  it('answers "copy failed" when only the copy cannot be written, and fills the copy in later', async () => {
    const { db, mem } = await filled(2);
    mem.failWrites = new Error('disk full');
    const result = await capture(db, mem, 'while-full');
    expect(result).toMatchObject({ captureId: 'while-full', duplicate: false, failed: { store: 'copy', error: expect.stringContaining('disk full') } });
    expect(await chainEntries(db)).toHaveLength(3);

    mem.failWrites = null;
    const report = await repairEvidence(db, mem.copy, 'bytes');
    // Only the unfinished tail was missing: repaired without alarming anyone.
    expect(report).toMatchObject({ copiedEntries: 1, copiedFiles: 2, restoredEntries: 0, lost: [], copyDamaged: false, chain: { ok: true, records: 3 } });
    expect(repairWasQuiet(report)).toBe(true);
    expect(await mem.copy.readHead()).toMatchObject({ seq: 3, indexedDbSeq: 3 });
  });

  it('completes what a stopped worker left past the copy\'s head: a record and a file created by name but never written', async () => {
    const { db, mem } = await filled(3);
    const entries = await chainEntries(db);
    const head = await mem.copy.readHead();
    // The worker stopped after IndexedDB's commit of record 3: its copy files exist by name only, the head is still at 2.
    mem.folders.get('entries')!.set(entryFileName(3, entries[2]!.hash), new Blob([]));
    mem.folders.get('files')!.set(copyFileName('c2', 0), new Blob([]));
    await mem.files.write('', 'head.json', JSON.stringify({ ...(head as object), seq: 2, head: entries[1]!.hash, indexedDbSeq: 2 }));

    // What a worker start runs: presence, the cheapest check; past the head it looks at sizes anyway.
    const report = await repairEvidence(db, mem.copy, 'presence');
    expect(report).toMatchObject({ copiedEntries: 1, copiedFiles: 1, restoredEntries: 0, lost: [], copyDamaged: false, chain: { ok: true, records: 3 } });
    expect(repairWasQuiet(report)).toBe(true);
    expect(await mem.copy.readEntry(3, entries[2]!.hash)).toMatchObject({ seq: 3, requestKey: 'key-c2' });
    expect((await mem.copy.readFile('c2', 0))!.size).toBe(entries[2]!.files[0]!.bytes);
    expect(await mem.copy.readHead()).toMatchObject({ seq: 3, head: entries[2]!.hash, indexedDbSeq: 3 });
  });

  it('rebuilds an IndexedDB that was reset from the copy: records, files, idempotency keys, deletions', async () => {
    const { db, mem } = await filled(4);
    const before = await chainEntries(db);
    const deleted = await deleteCapture(db, 'c1', { id: 'del-1', deletedAt: '2026-11-28T10:00:00.000+08:00', timeZone: 'Asia/Shanghai', reasonCode: 'user_request', reason: '', extensionVersion: '0.1.0' }, mem.copy);
    expect(deleted).toMatchObject({ ok: true, failed: null });
    expect(mem.folders.get('files')!.has(copyFileName('c1', 0))).toBe(false);
    const original = await chainEntries(db);

    const reset = await freshDb();
    const report = await repairEvidence(reset, mem.copy, 'presence');
    expect(report).toMatchObject({ restoredEntries: 5, restoredFiles: 6, lost: [], chain: { ok: true, records: 5 } });
    expect(repairWasQuiet(report)).toBe(false);
    expect(await chainEntries(reset)).toEqual(original);
    expect(await chainState(reset)).toEqual(await chainState(db));
    expect(await fileText(reset, 'captures/c3/page.txt')).toBe(await fileText(db, 'captures/c3/page.txt'));
    expect(await readFile(reset, 'captures/c1/page.txt')).toBeUndefined();
    expect((await reset.get('captures', 'c1'))?.deletedBy).toBe('del-1');
    // The content script's retry of an acknowledged capture still finds it.
    expect(await capture(reset, mem, 'c2')).toMatchObject({ captureId: 'c2', duplicate: true });
    expect(await verifyBundle(await bundleBytes(reset))).toMatchObject({ status: 'intact', captures: 4 });
    expect(before).toHaveLength(4);
  });

  it('puts back the records and files IndexedDB lost, and a file whose bytes changed', async () => {
    const { db, mem } = await filled(5);
    const entries = await chainEntries(db);
    // IndexedDB loses its last two records (its head goes back) and one blob is rewritten.
    for (const entry of entries.slice(3)) await db.delete('captures', entry.id);
    await db.put('meta', { id: 'chain', head: entries[2]!.hash, seq: 3 });
    const stored = (await readFile(db, 'captures/c0/page.txt'))!;
    await db.put('files', { ...stored, blob: new Blob(['x'.repeat(stored.bytes)]) });

    const report = await repairEvidence(db, mem.copy, 'bytes');
    expect(report).toMatchObject({ restoredEntries: 2, restoredFiles: 1, lost: [], chain: { ok: true, records: 5 } });
    expect(await chainEntries(db)).toEqual(entries);
    expect(await fileText(db, 'captures/c0/page.txt')).toContain('页面文字 c0');
  });

  it('rewrites a damaged copy from IndexedDB: a lost record, a changed file, a broken head', async () => {
    const { db, mem } = await filled(4);
    const entries = await chainEntries(db);
    mem.folders.get('entries')!.delete(entryFileName(2, entries[1]!.hash));
    mem.folders.get('files')!.set(copyFileName('c0', 0), new Blob(['tampered!!']));
    mem.folders.get('')!.set('head.json', new Blob(['garbage']));

    const report = await repairEvidence(db, mem.copy, 'bytes');
    expect(report).toMatchObject({ copiedEntries: 1, copiedFiles: 1, restoredEntries: 0, copyDamaged: true, lost: [], chain: { ok: true, records: 4 } });
    expect(repairWasQuiet(report)).toBe(false);
    expect(await mem.copy.readHead()).toMatchObject({ seq: 4, head: entries[3]!.hash });
    const again = await repairEvidence(db, mem.copy, 'bytes');
    expect(repairWasQuiet(again)).toBe(true);
    expect(again).toMatchObject({ copiedEntries: 0, copiedFiles: 0 });
  });

  it('reports what neither store holds instead of inventing it', async () => {
    const { db, mem } = await filled(2);
    await db.delete('files', 'captures/c1/page.txt');
    mem.folders.get('files')!.delete(copyFileName('c1', 1));
    const report = await repairEvidence(db, mem.copy, 'presence');
    expect(report.lost).toEqual(['captures/c1/page.txt']);
    expect(report.chain).toMatchObject({ ok: true });
  });

  it('keeps the copy alone when IndexedDB cannot write, never twice for one key, and restores it later', async () => {
    const { db, mem } = await filled(2);
    const first = await commitCapture(null, draft({ id: 'copy-only' }), files('copy-only'), 'key-copy-only', mem.copy);
    expect(first).toMatchObject({ captureId: 'copy-only', duplicate: false, failed: { store: 'indexeddb' } });
    const retried = await commitCapture(null, draft({ id: 'copy-only-2' }), files('copy-only'), 'key-copy-only', mem.copy);
    expect(retried).toMatchObject({ captureId: 'copy-only', duplicate: true });
    expect(mem.folders.get('files')!.has(copyFileName('copy-only-2', 0))).toBe(false);
    expect(await mem.copy.readHead()).toMatchObject({ seq: 3, indexedDbSeq: 2 });

    // IndexedDB works again: the next write there first takes back what only the copy holds.
    const next = await capture(db, mem, 'after');
    expect(next).toMatchObject({ failed: null, repaired: { restoredEntries: 1, restoredFiles: 2 } });
    const ids = (await chainEntries(db)).map((entry) => entry.id);
    expect(ids).toEqual(['c0', 'c1', 'copy-only', 'after']);
    expect(await db.get('requests', 'key-copy-only')).toMatchObject({ captureId: 'copy-only' });
    expect(await verifyBundle(await bundleBytes(db))).toMatchObject({ status: 'intact', captures: 4 });
  });

  it('refuses a copy-only capture when the copy has never been in step with IndexedDB', async () => {
    const mem = memoryCopy();
    await expect(commitCapture(null, draft({ id: 'x' }), files('x'), 'k', mem.copy)).rejects.toThrow(/IndexedDB could not be opened/);
  });

  it('joins two diverged stores into one chain: the copy keeps its place, the other branch is re-chained', async () => {
    const { db, mem } = await filled(3);
    const kept = await chainEntries(db);
    // IndexedDB is reset underneath a context that writes without the copy (two new captures).
    const reset = await freshDb();
    await capture(reset, null, 'n0');
    await capture(reset, null, 'n1');

    const report = await repairEvidence(reset, mem.copy, 'bytes');
    expect(report).toMatchObject({ restoredEntries: 5, rechained: 2, lost: [], chain: { ok: true, records: 5 } });
    const joined = await chainEntries(reset);
    expect(joined.map((entry) => entry.id)).toEqual(['c0', 'c1', 'c2', 'n0', 'n1']);
    expect(joined.slice(0, 3)).toEqual(kept);
    for (const moved of joined.slice(3)) {
      expect(moved.importedFrom).toMatchObject({ via: 'copy', prevHash: moved.id === 'n0' ? null : expect.any(String) });
      expect(await originalSealHolds(moved)).toBe(true);
    }
    expect(await fileText(reset, 'captures/n1/page.txt')).toContain('页面文字 n1');
    expect(await reset.get('requests', 'key-n0')).toMatchObject({ captureId: 'n0' });
    const copyHead = await mem.copy.readHead();
    expect(copyHead).toMatchObject({ seq: 5, head: joined[4]!.hash, indexedDbSeq: 5 });
    expect(repairWasQuiet(await repairEvidence(reset, mem.copy, 'bytes'))).toBe(true);
    expect(await verifyBundle(await bundleBytes(reset))).toMatchObject({ status: 'intact', captures: 5 });
  });

  it('a deletion re-chained with the capture it deleted still verifies', async () => {
    const { mem } = await filled(1);
    const reset = await freshDb();
    await capture(reset, null, 'gone');
    await deleteCapture(reset, 'gone', { id: 'del-gone', deletedAt: '2026-11-28T10:00:00.000+08:00', timeZone: 'Asia/Shanghai', reasonCode: 'user_request', reason: 'oops', extensionVersion: '0.1.0' });
    await repairEvidence(reset, mem.copy, 'presence');
    const joined = await chainEntries(reset);
    expect(joined.map((entry) => entry.id)).toEqual(['c0', 'gone', 'del-gone']);
    expect(isDeletion(joined[2]!) && joined[2]!.deletedHash).toBe(joined[1]!.importedFrom!.hash);
    expect(await verifyBundle(await bundleBytes(reset))).toMatchObject({ status: 'intact', captures: 2, rechained: 2, deletions: [{ captureId: 'gone' }] });
  });
});
