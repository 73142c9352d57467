import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/paywitness-cli';
import { buildCaseManifest } from '../../../src/export/bundle-manifest';
import { writeBundle } from '../../../src/export/write-bundle';
import { hashEntry, sealEntry } from '../../../src/evidence/capture-chain';
import { isDeletion, type ChainEntry } from '../../../src/evidence/deletion-entry';
import { chainEntries, commitCapture, deleteCapture, listCaptures, liveCaptureEntries, readFile, type DeletionDraft } from '../../../src/store/capture-store';
import { verifyBundle } from '../../../src/verify/verify-bundle';
import { bundleBytes, concat, dbWithCaptures, draft, files, rezip } from '../../helpers/evidence-builders';

const why = (id = 'del-1'): DeletionDraft => ({
  id,
  deletedAt: '2026-11-28T11:00:00.000+08:00',
  timeZone: 'Asia/Shanghai',
  reasonCode: 'user_request',
  reason: '拍错了页面',
  extensionVersion: '0.1.0',
});

function withManifest(bytes: Uint8Array, edit: (captures: ChainEntry[]) => void | Promise<void>) {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { captures: ChainEntry[]; chain: { head: string } };
  return Promise.resolve(edit(manifest.captures)).then(() => {
    manifest.chain.head = manifest.captures.at(-1)!.hash;
    return rezip({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) });
  });
}

describe('deleting a capture', () => {
  it('removes its files, keeps its sealed record and appends a deletion entry that names it', async () => {
    const db = await dbWithCaptures(3);
    const before = await chainEntries(db);
    const target = before[1]!;
    expect(await deleteCapture(db, target.id, why())).toEqual({ ok: true, deletionId: 'del-1', failed: null, repaired: null });

    const after = await chainEntries(db);
    expect(after.slice(0, 3)).toEqual(before);
    const deletion = after[3]!;
    expect(isDeletion(deletion) && deletion).toMatchObject({
      kind: 'deletion',
      deletedId: target.id,
      deletedHash: target.hash,
      removedFiles: target.files,
      files: [],
      reason: '拍错了页面',
      prevHash: before[2]!.hash,
    });
    expect(await hashEntry(deletion)).toBe(deletion.hash);
    for (const ref of target.files) expect(await readFile(db, ref.path)).toBeUndefined();
    for (const ref of before[0]!.files) expect(await readFile(db, ref.path)).toBeDefined();
    expect((await listCaptures(db, { limit: 10 })).map((c) => c.entry.id)).toEqual(['capture-2', 'capture-0']);
    expect((await liveCaptureEntries(db)).map((c) => c.id)).toEqual(['capture-0', 'capture-2']);
  });

  it('refuses to delete twice, to delete a deletion, or to delete what does not exist', async () => {
    const db = await dbWithCaptures(1);
    await deleteCapture(db, 'capture-0', why('d1'));
    expect(await deleteCapture(db, 'capture-0', why('d2'))).toEqual({ ok: false, error: 'already_deleted' });
    expect(await deleteCapture(db, 'd1', why('d3'))).toEqual({ ok: false, error: 'not_a_capture' });
    expect(await deleteCapture(db, 'nope', why('d4'))).toEqual({ ok: false, error: 'not_found' });
    expect(await chainEntries(db)).toHaveLength(2);
  });

  it('keeps later captures chained after the deletion', async () => {
    const db = await dbWithCaptures(2);
    await deleteCapture(db, 'capture-0', why());
    await commitCapture(db, draft({ id: 'later' }), files('later'), 'later-key');
    const entries = await chainEntries(db);
    entries.forEach((entry, i) => expect(entry.prevHash).toBe(i === 0 ? null : entries[i - 1]!.hash));
  });

  it('exports a bundle that verifies, reports the deletion, and passes the CLI', async () => {
    const db = await dbWithCaptures(3);
    await deleteCapture(db, 'capture-1', why());
    const bytes = await bundleBytes(db);
    expect(Object.keys(unzipSync(bytes)).filter((p) => p.includes('capture-1/'))).toEqual([]);
    expect(await verifyBundle(bytes)).toMatchObject({
      status: 'intact',
      captures: 3,
      files: 4,
      deletions: [{ captureId: 'capture-1', deletedAt: '2026-11-28T11:00:00.000+08:00', reason: '拍错了页面' }],
    });
    const path = join(await mkdtemp(join(tmpdir(), 'pw-del-')), 'bundle.zip');
    await writeFile(path, bytes);
    const lines: string[] = [];
    expect(await runCli(['verify', path], (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).toContain('deleted on the device: capture capture-1');
  });

  it('still catches the removal of a capture nobody recorded as deleted', async () => {
    const db = await dbWithCaptures(3);
    await deleteCapture(db, 'capture-1', why());
    const bytes = await bundleBytes(db);
    const dropped = await withManifest(bytes, (captures) => void captures.splice(0, 1));
    expect((await verifyBundle(dropped)).status).toBe('tampered');
    // Dropping a file of a capture that was NOT deleted is still tampering.
    const files = unzipSync(bytes);
    delete files['captures/capture-0/page.txt'];
    expect(await verifyBundle(rezip(files))).toMatchObject({ status: 'tampered', problems: [{ entry: 'captures/capture-0/page.txt' }] });
  });

  it('rejects a deletion entry that lies about what it removed, even with every hash recomputed', async () => {
    const db = await dbWithCaptures(2);
    await deleteCapture(db, 'capture-1', why());
    const bytes = await bundleBytes(db);
    // Re-seal the deletion so it claims capture-0's files: its own hash is then right, the claim is not.
    const forged = await withManifest(bytes, async (captures) => {
      const deletion = captures[2]!;
      if (!isDeletion(deletion)) throw new Error('expected a deletion');
      const { hash: _h, ...rest } = { ...deletion, removedFiles: captures[0]!.files };
      captures[2] = await sealEntry(rest);
    });
    const files = unzipSync(forged);
    delete files['captures/capture-0/screenshot.png'];
    const result = await verifyBundle(rezip(files));
    expect(result.status).toBe('tampered');
    if (result.status === 'tampered') expect(result.problems.map((p) => p.reason).join('\n')).toMatch(/does not list/);
  });

  it('rejects a deletion that names a capture by a hash it does not have', async () => {
    const db = await dbWithCaptures(2);
    await deleteCapture(db, 'capture-0', why());
    const forged = await withManifest(await bundleBytes(db), async (captures) => {
      const deletion = captures[2]!;
      if (!isDeletion(deletion)) throw new Error('expected a deletion');
      const { hash: _h, ...rest } = { ...deletion, deletedHash: 'f'.repeat(64) };
      captures[2] = await sealEntry(rest);
    });
    const result = await verifyBundle(forged);
    expect(result.status).toBe('tampered');
  });
});

describe('a one-case bundle with a deletion in it', () => {
  it('carries the deletion record of its case and still verifies', async () => {
    const db = await dbWithCaptures(2);
    await commitCapture(db, draft({ id: 'other-case', caseId: 'other.example#day:2026-11-28' }), files('other'), 'other-key');
    await deleteCapture(db, 'capture-0', why());
    const manifest = buildCaseManifest(await chainEntries(db), draft().caseId, '2026-11-28T12:00:00.000+08:00', '0.1.0');
    expect(manifest.captures.map((entry) => entry.id)).toEqual(['capture-0', 'capture-1', 'del-1']);
    const chunks: Uint8Array[] = [];
    await writeBundle(manifest, async (path) => (await readFile(db, path))?.blob, (chunk) => chunks.push(chunk));
    expect(await verifyBundle(concat(chunks))).toMatchObject({ status: 'intact', captures: 2, deletions: [{ captureId: 'capture-0' }] });
  });
});
