import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCaseManifest, type BundleManifest } from '../../../src/export/bundle-manifest';
import { writeBundle } from '../../../src/export/write-bundle';
import { chainEntries, commitCapture, readFile } from '../../../src/store/capture-store';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { concat, draft, files, freshDb, rezip } from '../../helpers/evidence-builders';

async function caseBundle() {
  const db = await freshDb();
  const cases = ['shop.example#order:A', 'other.example#order:B', 'shop.example#order:A', 'other.example#order:B', 'shop.example#order:A'];
  for (const [i, caseId] of cases.entries()) await commitCapture(db, draft({ id: `c${i}`, caseId }), files(`s${i}`), `k${i}`);
  const chain = await chainEntries(db);
  const manifest = buildCaseManifest(chain, 'shop.example#order:A', '2026-11-28T10:00:00.000+08:00', '0.1.0');
  const chunks: Uint8Array[] = [];
  await writeBundle(manifest, async (path) => (await readFile(db, path))?.blob, (chunk) => chunks.push(chunk));
  return { bytes: concat(chunks), chain };
}

const edit = (bytes: Uint8Array, change: (m: BundleManifest) => void) => {
  const entries = unzipSync(bytes);
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as BundleManifest;
  change(manifest);
  return rezip({ ...entries, 'manifest.json': strToU8(JSON.stringify(manifest)) });
};

describe('one-case bundle', () => {
  it('holds only that case and verifies against the whole chain head', async () => {
    const { bytes, chain } = await caseBundle();
    const names = Object.keys(unzipSync(bytes));
    expect(names.some((n) => n.startsWith('captures/c1/'))).toBe(false);
    expect(new TextDecoder().decode(unzipSync(bytes)['report.html'])).not.toContain('other.example');
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 3, head: chain.at(-1)!.hash });
  });

  it('catches reordered, swapped, edited and forged-link bundles', async () => {
    const { bytes } = await caseBundle();
    const cases: Array<[string, (m: BundleManifest) => void]> = [
      ['reversed', (m) => m.captures.reverse()],
      ['swapped', (m) => ([m.captures[0], m.captures[1]] = [m.captures[1]!, m.captures[0]!])],
      ['edited', (m) => void ((m.captures[1] as { amount: number }).amount = 1)],
      ['link dropped', (m) => m.chain.links!.splice(2, 1)],
      ['head changed', (m) => void (m.chain.head = 'f'.repeat(64))],
    ];
    for (const [name, change] of cases) expect((await verifyBundle(edit(bytes, change))).status, name).toBe('tampered');
  });
});
