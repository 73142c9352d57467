import { describe, expect, it } from 'vitest';
import { chainEntries, commitCapture, repairEvidence } from '../../../src/store/capture-store';
import { copyFileName } from '../../../src/store/evidence-copy';
import { levelAt, sessionPlan, SESSION_WINDOWS } from '../../../src/store/store-comparison';
import { draft, files, freshDb } from '../../helpers/evidence-builders';
import { memoryCopy } from '../../helpers/memory-copy';

describe('the per-session check, in turns', () => {
  it('checks a window by size and a smaller one by SHA-256, continuing where the last session stopped', () => {
    expect(sessionPlan({}, 5_000)).toEqual({ sizes: { from: 1, count: SESSION_WINDOWS.sizes }, bytes: { from: 1, count: SESSION_WINDOWS.bytes } });
    const plan = sessionPlan({ sizes: 1_001, bytes: 4_900 }, 5_000);
    expect(plan).toMatchObject({ sizes: { from: 1_001 }, bytes: { from: 4_900 } });
    expect([levelAt(plan, 1), levelAt(plan, 1_001), levelAt(plan, 2_000), levelAt(plan, 2_001), levelAt(plan, 4_950)]).toEqual([
      'presence',
      'sizes',
      'sizes',
      'presence',
      'bytes',
    ]);
    // Past the end: from the first record again.
    expect(sessionPlan({ sizes: 5_001, bytes: 0 }, 5_000)).toMatchObject({ sizes: { from: 1 }, bytes: { from: 1 } });
    expect(levelAt('bytes', 123)).toBe('bytes');
  });

  it('finds a changed copy file inside its window, and only its absence outside it', async () => {
    const db = await freshDb();
    const mem = memoryCopy();
    for (const id of ['a', 'b', 'c', 'd']) await commitCapture(db, draft({ id }), files(id), id, mem.copy);
    const changed = new Blob(['x'.repeat(64)]);
    mem.folders.get('files')!.set(copyFileName('a', 1), changed);
    mem.folders.get('files')!.set(copyFileName('d', 1), changed);
    const report = await repairEvidence(db, mem.copy, { sizes: { from: 3, count: 2 }, bytes: { from: 0, count: 0 } });
    expect(report).toMatchObject({ copiedFiles: 1, copyDamaged: true });
    expect(await (await mem.copy.readFile('d', 1))!.text()).toContain('页面文字 d');
    expect(await (await mem.copy.readFile('a', 1))!.text()).toBe('x'.repeat(64));
    expect((await repairEvidence(db, mem.copy, { sizes: { from: 1, count: 2 }, bytes: { from: 0, count: 0 } })).copiedFiles).toBe(1);
    expect(await chainEntries(db)).toHaveLength(4);
  });
});
