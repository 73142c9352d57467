import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chainEntries, chainState, commitCapture, deleteCapture, journalPending, pendingCaptures } from '../../../src/store/capture-store';
import { classifyStoreFailure } from '../../../src/shared/store-health';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { bundleBytes, dbWithCaptures, draft, files } from '../../helpers/evidence-builders';

// A full disk shows up in IndexedDB as a QuotaExceededError from a write. Here the files store
// refuses the screenshot the way Chromium does when the origin is out of space, after the
// idempotency key and the journal removal were already queued in the same transaction.

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function failFileWrites(): void {
  const realPut = FakeObjectStore.prototype.put;
  vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'files') throw quotaError();
    return realPut.apply(this, args as never);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('a write that fails for lack of space', () => {
  it('leaves nothing half-written: no files, no record, no key, chain head unchanged, journal kept', async () => {
    const db = await dbWithCaptures(2);
    const headBefore = await chainState(db);
    await journalPending(db, { key: 'full-key', startedAt: '2026-11-28T09:30:00.000+08:00', draft: draft({ id: 'full' }), pageText: 't' });
    failFileWrites();

    await expect(commitCapture(db, draft({ id: 'full' }), files('full'), 'full-key')).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await chainState(db)).toEqual(headBefore);
    expect(await db.get('requests', 'full-key')).toBeUndefined();
    expect(await db.getAllKeys('files')).not.toContain('captures/full/page.txt');
    expect(await db.get('captures', 'full')).toBeUndefined();
    // The journal removal was part of the aborted transaction too.
    expect((await pendingCaptures(db)).map((p) => p.key)).toEqual(['full-key']);
    // Earlier evidence is intact and the store keeps working once space is back.
    expect(await verifyBundle(await bundleBytes(db))).toMatchObject({ status: 'intact', captures: 2 });
    await commitCapture(db, draft({ id: 'after' }), files('after'), 'full-key');
    expect((await chainEntries(db)).map((e) => e.id)).toEqual(['capture-0', 'capture-1', 'after']);
  });

  it('leaves a deletion undone as a whole when it cannot be written', async () => {
    const db = await dbWithCaptures(2);
    const realPut = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'meta') throw quotaError();
      return realPut.apply(this, args as never);
    });
    await expect(deleteCapture(db, 'capture-0', {
      id: 'd', deletedAt: '2026-11-28T11:00:00.000+08:00', timeZone: 'Asia/Shanghai', reasonCode: 'user_request', reason: '', extensionVersion: '0.1.0',
    })).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();
    expect(await chainEntries(db)).toHaveLength(2);
    expect(await db.get('files', 'captures/capture-0/page.txt')).toBeDefined();
    expect((await db.get('captures', 'capture-0'))!.deletedBy).toBeUndefined();
  });

  it('is told apart from other write failures for the banner', () => {
    expect(classifyStoreFailure(quotaError(), 'now')).toMatchObject({ ok: false, code: 'quota_exceeded' });
    expect(classifyStoreFailure(new Error('Disk is full'), 'now')).toMatchObject({ code: 'quota_exceeded' });
    expect(classifyStoreFailure(new DOMException('boom', 'UnknownError'), 'now')).toMatchObject({ code: 'write_failed', detail: 'boom' });
    // Chromium reports a full disk as a plain I/O error; the room left decides.
    expect(classifyStoreFailure(new DOMException('Failed to write blobs (IOError)', 'UnknownError'), 'now', 4_096)).toMatchObject({ code: 'quota_exceeded' });
    expect(classifyStoreFailure(new DOMException('Failed to write blobs (IOError)', 'UnknownError'), 'now', 5e9)).toMatchObject({ code: 'write_failed' });
  });
});
