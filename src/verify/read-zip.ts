import { Inflate } from 'fflate';

// Opens an untrusted zip. Names that could escape a folder, oversize entries, zip64 and broken
// archives are refused from the central directory before anything is inflated; then each entry is
// inflated in small pieces while its ACTUAL output is counted, so a zip bomb that lies about its
// sizes is stopped at the limit instead of filling memory (the declared size is only a claim).

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

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const PIECE = 64 * 1024;

export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = centralDirectory(bytes);
  if (entries.length > limits.maxEntries) refuse('the zip has too many entries');
  let declaredTotal = 0;
  for (const entry of entries) {
    const unsafe = unsafeName(entry.name);
    if (unsafe) refuse(`entry "${entry.name}" ${unsafe}`);
    if (entry.declaredSize > limits.maxEntryBytes) refuse(`entry "${entry.name}" is larger than allowed (${entry.declaredSize} bytes)`);
    if ((declaredTotal += entry.declaredSize) > limits.maxTotalBytes) refuse('the zip unpacks to more than allowed');
  }
  const out = new Map<string, Uint8Array>();
  let actualTotal = 0;
  for (const entry of entries) {
    if (out.has(entry.name)) refuse(`entry "${entry.name}" appears twice`);
    const data = entryData(bytes, entry, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - actualTotal));
    if (data.length !== entry.declaredSize) {
      refuse(`entry "${entry.name}" inflates to ${data.length} bytes but declares ${entry.declaredSize}`);
    }
    actualTotal += data.length;
    if (entry.name.endsWith('/') && data.length === 0) continue;
    out.set(entry.name, data);
  }
  return out;
}

function refuse(why: string): never {
  throw new UnreadableBundleError(`refused: ${why}`);
}

function broken(why: string): never {
  throw new UnreadableBundleError(`not a readable zip: ${why}`);
}

function centralDirectory(bytes: Uint8Array): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  while (end >= lowest && (end < 0 || view.getUint32(end, true) !== EOCD)) end--;
  if (end < lowest || end < 0) broken('no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) refuse('zip64 archives are not accepted');
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) broken('the central directory is damaged');
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) broken('the central directory is damaged');
    const entry: CentralEntry = {
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      refuse('zip64 archives are not accepted');
    }
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: CentralEntry, allowed: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) broken(`entry "${entry.name}" has no local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) broken(`entry "${entry.name}" is cut short`);
  if (entry.method === 0) return compressed.slice();
  if (entry.method !== 8) broken(`entry "${entry.name}" uses unsupported compression method ${entry.method}`);

  const pieces: Uint8Array[] = [];
  let produced = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    produced += chunk.length;
    // The limit is on bytes really produced, whatever the header claims.
    if (produced > allowed || produced > entry.declaredSize) {
      refuse(`entry "${entry.name}" inflates past its declared size or the size limit (zip bomb?)`);
    }
    pieces.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += PIECE) {
      inflate.push(compressed.subarray(offset, offset + PIECE), offset + PIECE >= compressed.length);
    }
    if (compressed.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof UnreadableBundleError) throw error;
    broken(`entry "${entry.name}" does not inflate: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!finished && entry.declaredSize > 0) broken(`entry "${entry.name}" ends before its data does`);
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
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
