import browser from 'webextension-polyfill';
import { liveCaptures } from '../evidence/deletion-entry';
import { isoWithOffset } from '../evidence/iso-time';
import { saveAsDownload } from '../shared/save-download';
import { chainEntries, readFile } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { listOrders } from '../store/order-store';
import { buildCaseManifest, buildManifest, type BundleManifest } from './bundle-manifest';
import { bundleFileName } from './bundle-file-name';
import type { CaseNotesByCase } from './case-notes';
import { requestTimestamp } from '../timestamp/request-timestamp';
import { loadCaseNotes } from './load-case-notes';
import { startStamper } from './stamp-off-thread';
import { writeBundle } from './write-bundle';

// Builds a bundle in this extension page (stamped copies need its canvas) and hands it to the
// browser's downloads. The zip is streamed into chunks; between files the writer yields to the
// event loop so the popup keeps painting and answering clicks during a 100-capture export.

export interface ExportRequest {
  /** One case (its records placed in the chain by chain.links), or every capture when absent. */
  caseId?: string | null;
  /** Leave page text / HTML out (declared in `omitted`). */
  redacted?: boolean;
  /** RFC 3161 time-stamping authority to stamp chain.head with; absent = no timestamp. */
  timestampUrl?: string | null;
  /** Checklist, flagged terms and shop name per case; read from the checklist store when absent. */
  notes?: CaseNotesByCase;
}

export interface BuiltBundle {
  blob: Blob;
  fileName: string;
  manifest: BundleManifest;
}

/**
 * The bundle as one Blob, not yet downloaded. `stamped: false` leaves out the stamped copies of the
 * screenshots (made for forms and chats, not needed to restore or verify: backups go without).
 */
export async function buildBundle(
  db: EvidenceDb,
  request: ExportRequest,
  onProgress: (done: number, total: number) => void,
  options: { stamped?: boolean; version?: string } = {},
): Promise<BuiltBundle> {
  const entries = await chainEntries(db);
  const now = new Date();
  const createdAt = isoWithOffset(now);
  // An offscreen document has no runtime.getManifest: the worker passes the version along.
  const version = options.version ?? browser.runtime.getManifest().version;
  const orders = await listOrders(db);
  const manifest = request.caseId
    ? buildCaseManifest(entries, request.caseId, createdAt, version, orders)
    : buildManifest(entries, createdAt, version, orders);
  const notes = request.notes ?? (await loadCaseNotes(liveCaptures(manifest.captures)).catch(() => new Map()));
  const timestamp = request.timestampUrl && manifest.chain.head ? await requestTimestamp(request.timestampUrl, manifest.chain.head) : undefined;
  // The zip's chunks are gathered into Blobs of a few MB as they come, so the browser can move them
  // out of the page's heap and the final Blob is a cheap join rather than one 100 MB copy.
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  const stamper = options.stamped === false ? null : startStamper();
  const written = await writeBundle(
    manifest,
    async (path) => (await readFile(db, path))?.blob,
    (chunk) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 4 * 1024 * 1024) flush();
    },
    ({ filesDone, filesTotal }) => onProgress(filesDone, filesTotal),
    {
      ...(stamper ? { stamp: (capture, original, sha256) => stamper.stamp(capture, original, sha256) } : {}),
      redacted: request.redacted ?? false,
      notes,
      timestamp,
    },
  ).finally(() => stamper?.close());
  flush();
  return { blob: new Blob(parts, { type: 'application/zip' }), fileName: bundleFileName(liveCaptures(manifest.captures), now), manifest: written.manifest };
}

export async function exportBundle(
  db: EvidenceDb,
  request: ExportRequest,
  onProgress: (done: number, total: number) => void,
): Promise<{ fileName: string; bytes: number }> {
  const { blob, fileName } = await buildBundle(db, request, onProgress);
  saveAsDownload(blob, fileName);
  return { fileName, bytes: blob.size };
}

/** Every capture, not redacted. */
export function exportAll(db: EvidenceDb, onProgress: (done: number, total: number) => void): Promise<{ fileName: string; bytes: number }> {
  return exportBundle(db, {}, onProgress);
}
