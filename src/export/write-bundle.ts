import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import type { CaptureEntry, FileRef } from '../evidence/capture-entry';
import { isDeletion } from '../evidence/deletion-entry';
import { sha256Hex } from '../evidence/sha256';
import { bundleDocuments } from './bundle-documents';
import { MANIFEST_PATH, type BundleManifest, type ExtraFile, type OmittedFile } from './bundle-manifest';
import { NO_CASE_NOTES, type CaseNotesByCase } from './case-notes';
import { readPage, type PageReading } from './page-reading';

// Streams the bundle zip: every capture file chunk by chunk (with its stamped copy right after a
// screenshot), then the documents made from the records (README.txt, report.html, complaints/), then
// manifest.json last — last because it lists the hashes of everything made along the way. A large
// export never holds two copies of the evidence in memory. fflate does the zip format.

export type ReadStoredFile = (path: string) => Promise<Blob | undefined>;

export interface WriteProgress {
  filesDone: number;
  filesTotal: number;
}

export interface StampedCopy {
  blob: Blob;
  /** `png` or `jpg`: a big screenshot is stamped as JPEG to stay within upload limits. */
  extension: 'png' | 'jpg';
}

export interface WriteOptions {
  /** Draws the stamped copy of a screenshot (canvas, extension pages only). Absent: no stamped copies. */
  stamp?: (capture: CaptureEntry, original: Blob, originalSha256: string) => Promise<StampedCopy | null>;
  /** Leave page text and page HTML out, declaring each in `omitted`. */
  redacted?: boolean;
  /** Checklist, flagged terms, shop name … per case, from the cases module (see case-notes.ts). */
  notes?: CaseNotesByCase;
  /** An RFC 3161 TimeStampResp over `chain.head`, stored as timestamp.tsr (extras, role "timestamp"). */
  timestamp?: Uint8Array;
  /** Runs between files so the page stays responsive during a long export. */
  pause?: () => Promise<void>;
}

/** Roles a redacted export leaves out: what the page said, as opposed to what the record says. */
export const REDACTED_ROLES: ReadonlySet<FileRef['role']> = new Set(['text', 'html']);

export const TIMESTAMP_PATH = 'timestamp.tsr';

const ALREADY_COMPRESSED = /^(image\/(png|jpeg|webp|gif)|application\/zip)/;
const MAX_TEXT_SCANNED = 2 * 1024 * 1024;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function writeBundle(
  manifest: BundleManifest,
  readFile: ReadStoredFile,
  onChunk: (chunk: Uint8Array) => void,
  onProgress: (progress: WriteProgress) => void = () => undefined,
  options: WriteOptions = {},
): Promise<{ missing: string[]; manifest: BundleManifest }> {
  const mtime = new Date(manifest.createdAt);
  const filesTotal = manifest.captures.reduce((sum, capture) => sum + capture.files.length, 0);
  const pause = options.pause ?? nextTask;
  const missing: string[] = [];
  const extras: ExtraFile[] = [];
  const omitted: OmittedFile[] = [];
  const readings = new Map<string, PageReading>();

  return new Promise((resolve, reject) => {
    let finalManifest = manifest;
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      onChunk(chunk);
      if (final) resolve({ missing, manifest: finalManifest });
    });
    const addBytes = (path: string, bytes: Uint8Array, compress: boolean) => {
      const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
      entry.mtime = mtime;
      zip.add(entry);
      entry.push(bytes, true);
    };
    const run = async () => {
      let done = 0;
      for (const capture of manifest.captures) {
        for (const file of capture.files) {
          await pause();
          if (options.redacted && REDACTED_ROLES.has(file.role)) {
            omitted.push({ path: file.path, sha256: file.sha256, reason: 'redacted' });
          } else {
            const blob = await readFile(file.path);
            if (!blob) {
              missing.push(file.path);
            } else {
              const entry = ALREADY_COMPRESSED.test(file.type) ? new ZipPassThrough(file.path) : new ZipDeflate(file.path, { level: 6 });
              entry.mtime = mtime;
              zip.add(entry);
              await pushBlob(entry, blob);
              if (file.role === 'text' && blob.size <= MAX_TEXT_SCANNED && !isDeletion(capture)) readings.set(capture.id, readPage(capture, await blob.text()));
              if (file.role === 'screenshot' && options.stamp && !isDeletion(capture)) {
                // A browser that cannot draw the copy still exports the evidence itself.
                const stamped = await options.stamp(capture, blob, file.sha256).catch(() => null);
                if (stamped) {
                  const bytes = new Uint8Array(await stamped.blob.arrayBuffer());
                  const path = `captures/${capture.id}/screenshot-stamped.${stamped.extension}`;
                  addBytes(path, bytes, false);
                  extras.push({
                    path,
                    sha256: await sha256Hex(bytes),
                    bytes: bytes.byteLength,
                    type: stamped.extension === 'png' ? 'image/png' : 'image/jpeg',
                    role: 'stamped',
                    captureId: capture.id,
                    source: { path: file.path, sha256: file.sha256 },
                  });
                }
              }
            }
          }
          onProgress({ filesDone: ++done, filesTotal });
        }
      }
      if (options.timestamp) {
        addBytes(TIMESTAMP_PATH, options.timestamp, false);
        extras.push({ path: TIMESTAMP_PATH, sha256: await sha256Hex(options.timestamp), bytes: options.timestamp.byteLength, type: 'application/timestamp-reply', role: 'timestamp' });
      }
      const withDerived: BundleManifest = { ...manifest, extras: [...extras], ...(omitted.length ? { omitted } : {}) };
      for (const document of bundleDocuments(withDerived, options.notes ?? NO_CASE_NOTES, readings)) {
        await pause();
        const bytes = strToU8(document.text);
        addBytes(document.path, bytes, true);
        extras.push({ path: document.path, sha256: await sha256Hex(bytes), bytes: bytes.byteLength, type: document.type, role: document.role });
      }
      finalManifest = { ...withDerived, extras };
      addBytes(MANIFEST_PATH, strToU8(JSON.stringify(finalManifest, null, 2)), true);
      zip.end();
    };
    run().catch(reject);
  });
}

async function pushBlob(entry: ZipPassThrough | ZipDeflate, blob: Blob): Promise<void> {
  const reader = blob.stream().getReader();
  let previous: Uint8Array | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (previous) entry.push(previous, false);
    previous = value;
  }
  entry.push(previous ?? new Uint8Array(0), true);
}
