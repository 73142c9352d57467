import { describe, expect, it } from 'vitest';
import { buildCaseManifest, buildManifest } from '../../../src/export/bundle-manifest';
import { writeBundle } from '../../../src/export/write-bundle';
import { chainEntries, chainState, commitCapture, deleteCapture, readFile } from '../../../src/store/capture-store';
import { importBundle } from '../../../src/store/import-bundle';
import type { EvidenceDb } from '../../../src/store/open-evidence-db';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { bundleBytes, concat, draft, files, freshDb } from '../../helpers/evidence-builders';
import { memoryCopy, type MemoryCopy } from '../../helpers/memory-copy';

// Restoring from a backup bundle: what the store lacks comes back, the chain stays one chain.

async function device(ids: string[]): Promise<{ db: EvidenceDb; mem: MemoryCopy }> {
  const db = await freshDb();
  const mem = memoryCopy();
  for (const id of ids) await commitCapture(db, draft({ id }), files(id), `key-${id}`, mem.copy);
  return { db, mem };
}

describe('restoring from a backup bundle', () => {
  it('fills an empty store with the backup exactly as sealed: same records, files, head', async () => {
    const old = await device(['a', 'b', 'c']);
    await deleteCapture(old.db, 'b', { id: 'del-b', deletedAt: '2026-11-28T10:00:00.000+08:00', timeZone: 'Asia/Shanghai', reasonCode: 'user_request', reason: '', extensionVersion: '0.1.0' }, old.mem.copy);
    const backup = await bundleBytes(old.db);

    const fresh = await device([]);
    const outcome = await importBundle(fresh.db, fresh.mem.copy, backup);
    expect(outcome).toEqual({ ok: true, appended: 4, rechained: 0, files: 4, alreadyHad: 0 });
    expect(await chainEntries(fresh.db)).toEqual(await chainEntries(old.db));
    expect(await chainState(fresh.db)).toEqual(await chainState(old.db));
    expect(await readFile(fresh.db, 'captures/b/page.txt')).toBeUndefined();
    expect((await fresh.db.get('captures', 'b'))?.deletedBy).toBe('del-b');
    expect(await fresh.mem.copy.readHead()).toMatchObject({ seq: 4, indexedDbSeq: 4 });
    // The same bundle again: nothing new.
    expect(await importBundle(fresh.db, fresh.mem.copy, backup)).toEqual({ ok: true, appended: 0, rechained: 0, files: 0, alreadyHad: 4 });
    expect(await verifyBundle(await bundleBytes(fresh.db))).toMatchObject({ status: 'intact', captures: 3 });
  });

  it('appends only the records a store that is behind the backup lacks', async () => {
    const old = await device(['a', 'b', 'c', 'd']);
    const backup = await bundleBytes(old.db);
    const entries = await chainEntries(old.db);
    const behind = await device([]);
    await importBundle(behind.db, behind.mem.copy, await bundleBytes(old.db, entries.slice(0, 2)));
    const outcome = await importBundle(behind.db, behind.mem.copy, backup);
    expect(outcome).toEqual({ ok: true, appended: 2, rechained: 0, files: 4, alreadyHad: 2 });
    expect(await chainEntries(behind.db)).toEqual(entries);
  });

  it('re-chains the backup\'s records after a store that captured new things since, keeping their seals', async () => {
    const old = await device(['a', 'b']);
    const backup = await bundleBytes(old.db);
    const reinstalled = await device(['new-1']);
    const outcome = await importBundle(reinstalled.db, reinstalled.mem.copy, backup);
    expect(outcome).toEqual({ ok: true, appended: 0, rechained: 2, files: 4, alreadyHad: 0 });
    const joined = await chainEntries(reinstalled.db);
    expect(joined.map((entry) => entry.id)).toEqual(['new-1', 'a', 'b']);
    expect(joined[1]!.importedFrom).toMatchObject({ via: 'backup', prevHash: null });
    const result = await verifyBundle(await bundleBytes(reinstalled.db));
    expect(result).toMatchObject({ status: 'intact', captures: 3, rechained: 2 });
    const text = await readFile(reinstalled.db, 'captures/b/page.txt');
    expect(await text!.blob.text()).toContain('页面文字 b');
  });

  it('refuses a tampered, a one-case and a redacted bundle and changes nothing', async () => {
    const old = await device(['a', 'b']);
    const entries = await chainEntries(old.db);
    const target = await device(['x']);
    const before = await chainEntries(target.db);

    const good = await bundleBytes(old.db);
    const tampered = good.slice();
    const at = Buffer.from(tampered).indexOf('页面文字 a');
    tampered[at + 1] = tampered[at + 1]! ^ 1;
    expect(await importBundle(target.db, target.mem.copy, tampered)).toMatchObject({ ok: false });

    const oneCase = buildCaseManifest(entries, entries[0]!.caseId, '2026-11-28T10:00:00.000+08:00', '0.1.0');
    const redacted: Uint8Array[] = [];
    await writeBundle(buildManifest(entries, '2026-11-28T10:00:00.000+08:00', '0.1.0'), async (path) => (await readFile(old.db, path))?.blob, (chunk) => redacted.push(chunk), undefined, { redacted: true });
    const oneCaseChunks: Uint8Array[] = [];
    await writeBundle(oneCase, async (path) => (await readFile(old.db, path))?.blob, (chunk) => oneCaseChunks.push(chunk));
    expect(await importBundle(target.db, target.mem.copy, concat(oneCaseChunks))).toMatchObject({ ok: false, error: 'not_whole' });
    expect(await importBundle(target.db, target.mem.copy, concat(redacted))).toMatchObject({ ok: false, error: 'not_whole' });
    expect(await importBundle(target.db, target.mem.copy, new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, error: 'unreadable' });
    expect(await chainEntries(target.db)).toEqual(before);
  });
});
