import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { MANIFEST_PATH, type BundleManifest } from './bundle-manifest';

// Streams the bundle zip: manifest first, then every file the manifest lists, chunk by chunk, so a
// large export never holds two copies of the evidence in memory. fflate does the zip format.

export type ReadStoredFile = (path: string) => Promise<Blob | undefined>;

export interface WriteProgress {
  filesDone: number;
  filesTotal: number;
}

const ALREADY_COMPRESSED = /^(image\/(png|jpeg|webp|gif)|application\/zip)/;

export function writeBundle(
  manifest: BundleManifest,
  readFile: ReadStoredFile,
  onChunk: (chunk: Uint8Array) => void,
  onProgress: (progress: WriteProgress) => void = () => undefined,
): Promise<{ missing: string[] }> {
  const mtime = new Date(manifest.createdAt);
  const files = manifest.captures.flatMap((capture) => capture.files);
  const missing: string[] = [];

  return new Promise((resolve, reject) => {
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      onChunk(chunk);
      if (final) resolve({ missing });
    });
    const add = async () => {
      const manifestEntry = new ZipDeflate(MANIFEST_PATH, { level: 6 });
      manifestEntry.mtime = mtime;
      zip.add(manifestEntry);
      manifestEntry.push(strToU8(JSON.stringify(manifest, null, 2)), true);
      let done = 0;
      for (const file of files) {
        const blob = await readFile(file.path);
        if (!blob) {
          missing.push(file.path);
        } else {
          const entry = ALREADY_COMPRESSED.test(file.type)
            ? new ZipPassThrough(file.path)
            : new ZipDeflate(file.path, { level: 6 });
          entry.mtime = mtime;
          zip.add(entry);
          await pushBlob(entry, blob);
        }
        onProgress({ filesDone: ++done, filesTotal: files.length });
      }
      zip.end();
    };
    add().catch(reject);
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
