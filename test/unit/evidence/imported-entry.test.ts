import { describe, expect, it } from 'vitest';
import { hashEntry, sealEntry } from '../../../src/evidence/capture-chain';
import type { CaptureEntry } from '../../../src/evidence/capture-entry';
import { knownHashes, originalEntry, originalSealHolds, rechainEntry } from '../../../src/evidence/imported-entry';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { buildManifest } from '../../../src/export/bundle-manifest';
import { writeBundle } from '../../../src/export/write-bundle';
import { concat, draft } from '../../helpers/evidence-builders';

async function sealed(id: string, prevHash: string | null): Promise<CaptureEntry> {
  return sealEntry<CaptureEntry>({ ...draft({ id }), files: [], prevHash, hash: '' });
}

async function bundleOf(entries: CaptureEntry[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeBundle(buildManifest(entries, '2026-11-28T10:00:00.000+08:00', 'test'), async () => undefined, (chunk) => chunks.push(chunk));
  return concat(chunks);
}

describe('re-chained records', () => {
  it('join a new chain and keep the seal they had in their first one', async () => {
    const first = await sealed('a', null);
    const second = await sealed('b', first.hash);
    const here = await sealed('local', null);
    const moved = await rechainEntry(second, here.hash, 'backup', '2026-12-06T10:00:00.000+08:00');
    expect(moved).toMatchObject({ id: 'b', prevHash: here.hash, importedFrom: { hash: second.hash, prevHash: first.hash, via: 'backup' } });
    expect(moved.hash).toBe(await hashEntry(moved));
    expect(originalEntry(moved)).toEqual(second);
    expect(await originalSealHolds(moved)).toBe(true);
    expect(knownHashes(moved)).toEqual([moved.hash, second.hash]);
    // Re-chained again: the first seal is the one kept.
    const again = await rechainEntry(moved, null, 'copy', '2026-12-07T10:00:00.000+08:00');
    expect(again.importedFrom).toEqual(moved.importedFrom);
    expect(await originalSealHolds(again)).toBe(true);
  });

  it('are caught by verify when a field changed after re-chaining, even with a fresh hash', async () => {
    const here = await sealed('local', null);
    const moved = await rechainEntry(await sealed('b', null), here.hash, 'backup', '2026-12-06T10:00:00.000+08:00');
    expect(await verifyBundle(await bundleOf([here, moved]))).toMatchObject({ status: 'intact', rechained: 1 });
    const edited = await sealEntry({ ...moved, amount: 1, hash: '' });
    const result = await verifyBundle(await bundleOf([here, edited]));
    expect(result).toMatchObject({ status: 'tampered', problems: [{ reason: expect.stringMatching(/seal it had in its first chain/) }] });
  });
});
