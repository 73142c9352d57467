import browser from 'webextension-polyfill';
import { liveCaptures } from '../evidence/deletion-entry';
import { isoWithOffset } from '../evidence/iso-time';
import { chainEntries, readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { buildManifest } from './bundle-manifest';
import { bundleFileName } from './bundle-file-name';
import { writeBundle } from './write-bundle';

/** Builds the whole-chain bundle in this extension page and hands it to the browser's downloads. */
export async function exportAll(
  db: EvidenceDb,
  onProgress: (done: number, total: number) => void,
): Promise<{ fileName: string }> {
  const entries = await chainEntries(db);
  const now = new Date();
  const manifest = buildManifest(entries, isoWithOffset(now), browser.runtime.getManifest().version);
  const chunks: Uint8Array[] = [];
  await writeBundle(
    manifest,
    async (path) => (await readFile(db, path))?.blob,
    (chunk) => chunks.push(chunk),
    ({ filesDone, filesTotal }) => onProgress(filesDone, filesTotal),
  );
  const fileName = bundleFileName(liveCaptures(entries), now);
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { fileName };
}
