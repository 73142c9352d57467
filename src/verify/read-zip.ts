import { unzipSync } from 'fflate';

// Opens an untrusted zip: refuses entry names that could escape a folder, oversize entries and
// broken archives before anything is inflated into memory.

export interface ZipLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 100_000,
};

export class UnreadableBundleError extends Error {
  override name = 'UnreadableBundleError';
}

export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  let total = 0;
  let count = 0;
  let refusal: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        if (refusal) return false;
        const unsafe = unsafeName(file.name);
        if (unsafe) refusal = `entry "${file.name}" ${unsafe}`;
        else if (file.originalSize > limits.maxEntryBytes) refusal = `entry "${file.name}" is larger than allowed (${file.originalSize} bytes)`;
        else if ((total += file.originalSize) > limits.maxTotalBytes) refusal = 'the zip unpacks to more than allowed';
        else if (++count > limits.maxEntries) refusal = 'the zip has too many entries';
        return !refusal;
      },
    });
  } catch (error) {
    throw new UnreadableBundleError(`not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (refusal) throw new UnreadableBundleError(`refused: ${refusal}`);
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/') && data.length === 0) continue;
    if (data.length > limits.maxEntryBytes) throw new UnreadableBundleError(`refused: entry "${name}" inflates past its limit`);
    out.set(name, data);
  }
  return out;
}

function unsafeName(name: string): string | null {
  if (name.length === 0 || name.length > 1024) return 'has an unusable name';
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.includes('\\')) return 'uses backslashes';
  if (name.split('/').some((part) => part === '..' || part === '.')) return 'climbs out of the bundle (path traversal)';
  if (/[\u0000-\u001f]/.test(name)) return 'has control characters in its name';
  return null;
}
