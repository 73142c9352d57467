import { describe, expect, it } from 'vitest';
import { recoverPendingCaptures, WORKER_RESTARTED } from '../../../src/background/recover-pending';
import { chainEntries, commitCapture, journalPending, pendingCaptures, readFile } from '../../../src/store/capture-store';
import { draft, files, freshDb } from '../../helpers/evidence-builders';

const journal = (key: string, id: string) => ({
  key,
  startedAt: '2026-11-28T09:30:00.000+08:00',
  draft: draft({ id, capturedAt: '2026-11-28T09:30:00.000+08:00' }),
  pageText: `页面文字 ${id}\n支付网关异常！`,
});

describe('finishing captures a killed worker left in flight', () => {
  it('commits each leftover text-only with the reason, under its own key, and clears the journal', async () => {
    const db = await freshDb();
    await journalPending(db, journal('k1', 'c1'));
    await journalPending(db, journal('k2', 'c2'));
    expect(await recoverPendingCaptures(db)).toBe(2);
    const entries = await chainEntries(db);
    expect(entries.map((e) => e.id).sort()).toEqual(['c1', 'c2']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ screenshotError: WORKER_RESTARTED, capturedAt: '2026-11-28T09:30:00.000+08:00' });
      expect(entry.files.map((f) => f.role)).toEqual(['text']);
      const text = await readFile(db, entry.files[0]!.path);
      expect(await text!.blob.text()).toContain('支付网关异常');
    }
    expect(await pendingCaptures(db)).toEqual([]);
    expect((await db.get('requests', 'k1'))!.captureId).toBe('c1');
  });

  it('never duplicates: a retried request after recovery finds the recovered capture', async () => {
    const db = await freshDb();
    await journalPending(db, journal('k1', 'c1'));
    await recoverPendingCaptures(db);
    expect(await commitCapture(db, draft({ id: 'retry' }), files('retry'), 'k1')).toEqual({ captureId: 'c1', duplicate: true, failed: null, repaired: null });
    expect(await chainEntries(db)).toHaveLength(1);
  });

  it('drops a leftover whose capture was in fact committed (killed between commit and reply)', async () => {
    const db = await freshDb();
    await journalPending(db, journal('k1', 'c1'));
    await commitCapture(db, draft({ id: 'c1' }), files('c1'), 'k1');
    // The commit removes the journal in its own transaction; simulate an older worker that had not.
    await journalPending(db, journal('k1', 'c1-again'));
    expect(await recoverPendingCaptures(db)).toBe(0);
    expect(await chainEntries(db)).toHaveLength(1);
    expect(await pendingCaptures(db)).toEqual([]);
  });

  it('removes the journal record in the same commit as the capture', async () => {
    const db = await freshDb();
    await journalPending(db, journal('k9', 'c9'));
    await commitCapture(db, draft({ id: 'c9' }), files('c9'), 'k9');
    expect(await pendingCaptures(db)).toEqual([]);
    expect(await recoverPendingCaptures(db)).toBe(0);
  });
});
