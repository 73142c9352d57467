import { describe, expect, it } from 'vitest';
import { hashEntry } from '../../../src/evidence/capture-chain';
import { sha256Hex } from '../../../src/evidence/sha256';
import { chainEntries, chainState, commitCapture, listCaptures, readFile } from '../../../src/store/capture-store';
import { DB_VERSION, MIGRATIONS } from '../../../src/store/migrations';
import { dbWithCaptures, draft, files, freshDb } from '../../helpers/evidence-builders';

describe('capture store', () => {
  it('commits a capture with its files, hashes and chain link in one go', async () => {
    const db = await freshDb();
    const result = await commitCapture(db, draft({ id: 'one' }), files('one'), 'key-one');
    expect(result).toEqual({ captureId: 'one', duplicate: false, failed: null, repaired: null });
    const [entry] = await chainEntries(db);
    expect(entry!.prevHash).toBeNull();
    expect(entry!.hash).toBe(await hashEntry(entry!));
    expect(entry!.files.map((f) => f.path)).toEqual(['captures/one/screenshot.png', 'captures/one/page.txt']);
    for (const ref of entry!.files) {
      const stored = await readFile(db, ref.path);
      const bytes = new Uint8Array(await stored!.blob.arrayBuffer());
      expect(ref.sha256).toBe(await sha256Hex(bytes));
      expect(ref.bytes).toBe(bytes.byteLength);
    }
    expect(await chainState(db)).toEqual({ id: 'chain', head: entry!.hash, seq: 1 });
  });

  it('links every capture to the one before it', async () => {
    const db = await dbWithCaptures(5);
    const entries = await chainEntries(db);
    expect(entries).toHaveLength(5);
    entries.forEach((entry, i) => expect(entry.prevHash).toBe(i === 0 ? null : entries[i - 1]!.hash));
  });

  it('never makes a second capture for a repeated idempotency key', async () => {
    const db = await freshDb();
    const first = await commitCapture(db, draft({ id: 'x1' }), files('x'), 'same-key');
    const again = await commitCapture(db, draft({ id: 'x2' }), files('x'), 'same-key');
    expect(again).toEqual({ captureId: first.captureId, duplicate: true, failed: null, repaired: null });
    expect(await chainEntries(db)).toHaveLength(1);
    expect(await readFile(db, 'captures/x2/page.txt')).toBeUndefined();
  });

  it('keeps the chain whole when many commits race', async () => {
    const db = await freshDb();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => commitCapture(db, draft({ id: `r${i}` }), files(`r${i}`), `race-${i}`)),
    );
    const entries = await chainEntries(db);
    expect(entries).toHaveLength(20);
    entries.forEach((entry, i) => expect(entry.prevHash).toBe(i === 0 ? null : entries[i - 1]!.hash));
  });

  it('lists newest first, a page at a time', async () => {
    const db = await dbWithCaptures(7);
    const first = await listCaptures(db, { limit: 3 });
    expect(first.map((c) => c.entry.id)).toEqual(['capture-6', 'capture-5', 'capture-4']);
    const next = await listCaptures(db, { limit: 3, beforeSeq: first.at(-1)!.seq });
    expect(next.map((c) => c.entry.id)).toEqual(['capture-3', 'capture-2', 'capture-1']);
  });

  it('has one numbered migration per schema version', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(1);
  });
});
