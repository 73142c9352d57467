import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildManifest, type BundleManifest } from '../../../src/export/bundle-manifest';
import { writeBundle, type WriteOptions } from '../../../src/export/write-bundle';
import { chainEntries, readFile } from '../../../src/store/capture-store';
import { verifyBundle, type VerifyResult } from '../../../src/verify/verify-bundle';
import { concat, dbWithCaptures, rezip } from '../../helpers/evidence-builders';

async function exportBundle(options: WriteOptions = {}) {
  const db = await dbWithCaptures(2);
  const manifest = buildManifest(await chainEntries(db), '2026-11-28T10:00:00.000+08:00', '0.1.0');
  const chunks: Uint8Array[] = [];
  await writeBundle(manifest, async (path) => (await readFile(db, path))?.blob, (chunk) => chunks.push(chunk), undefined, options);
  const bytes = concat(chunks);
  return { bytes, files: unzipSync(bytes) };
}

// Stands in for the canvas stamper: any deterministic derived image will do for the manifest logic.
const fakeStamp: WriteOptions['stamp'] = async (capture, _blob, sha) =>
  ({ blob: new Blob([strToU8(`stamped ${capture.id} ${sha}`)]), extension: 'png' });

const manifestOf = (files: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(files['manifest.json'])) as BundleManifest;
const withManifest = (files: Record<string, Uint8Array>, edit: (m: BundleManifest) => void) => {
  const manifest = manifestOf(files);
  edit(manifest);
  return rezip({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) });
};
const problemsOf = (result: VerifyResult) => (result.status === 'tampered' ? result.problems : []);

describe('extras: README, report, complaints and stamped copies', () => {
  it('are listed with their hashes and verify, outside the sealed records', async () => {
    const { bytes, files } = await exportBundle({ stamp: fakeStamp });
    const manifest = manifestOf(files);
    expect(manifest.extras!.map((e) => e.role).sort()).toEqual(['complaint', 'readme', 'report', 'stamped', 'stamped']);
    expect(manifest.captures.every((c) => c.files.every((f) => f.role !== 'stamped'))).toBe(true);
    expect(Object.keys(files)).toContain('complaints/1-致商家客服.txt');
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', captures: 2, files: 4, extras: 5 });
  });

  it('an edited report.html, README or stamped copy is named', async () => {
    const { files } = await exportBundle({ stamp: fakeStamp });
    for (const path of ['report.html', 'README.txt', 'complaints/1-致商家客服.txt', Object.keys(files).find((p) => p.includes('stamped'))!]) {
      const changed = files[path]!.slice();
      changed[5]! ^= 0x20;
      const problems = problemsOf(await verifyBundle(rezip({ ...files, [path]: changed })));
      expect(problems, path).toEqual([expect.objectContaining({ entry: path, reason: expect.stringMatching(/SHA-256/) })]);
    }
  });

  it('an unlisted file is still flagged, and a stamped copy must point at its sealed screenshot', async () => {
    const { files } = await exportBundle({ stamp: fakeStamp });
    expect(problemsOf(await verifyBundle(rezip({ ...files, 'complaints/extra.txt': strToU8('x') })))).toEqual([
      expect.objectContaining({ entry: 'complaints/extra.txt', reason: expect.stringMatching(/not in the manifest/) }),
    ]);
    const moved = withManifest(files, (m) => {
      const stamped = m.extras!.find((e) => e.role === 'stamped')!;
      stamped.source!.sha256 = '0'.repeat(64);
    });
    expect(problemsOf(await verifyBundle(moved))).toEqual([expect.objectContaining({ reason: expect.stringMatching(/sealed screenshot/) })]);
  });
});

describe('redacted export', () => {
  it('leaves page text out, declares it, and still verifies what it contains', async () => {
    const { bytes, files } = await exportBundle({ redacted: true });
    expect(Object.keys(files).some((p) => p.endsWith('page.txt'))).toBe(false);
    expect(manifestOf(files).omitted).toHaveLength(2);
    expect(await verifyBundle(bytes)).toMatchObject({ status: 'intact', files: 2, omitted: 2 });
  });

  it('accepts only declared omissions of page text, with the sealed hash', async () => {
    const { files } = await exportBundle({ redacted: true });
    const undeclared = withManifest(files, (m) => m.omitted!.pop());
    expect(problemsOf(await verifyBundle(undeclared))).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/missing from the zip/) }));
    const wrongHash = withManifest(files, (m) => void (m.omitted![0]!.sha256 = 'f'.repeat(64)));
    expect(problemsOf(await verifyBundle(wrongHash)).length).toBeGreaterThan(0);
    const shot = Object.keys(files).find((p) => p.endsWith('screenshot.png'))!;
    const { [shot]: _dropped, ...rest } = files;
    const screenshotOmitted = withManifest(rest, (m) =>
      m.omitted!.push({ path: shot, sha256: m.captures.flatMap((c) => c.files).find((f) => f.path === shot)!.sha256, reason: 'redacted' }),
    );
    expect(problemsOf(await verifyBundle(screenshotOmitted))).toContainEqual(expect.objectContaining({ entry: shot, reason: expect.stringMatching(/only leave out page text/) }));
  });
});
