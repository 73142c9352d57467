import { hashEntry } from '../evidence/capture-chain';
import type { ChainEntry } from '../evidence/deletion-entry';
import { opfsCopyFiles, type CopyFiles } from './copy-files';

// The second copy of every chain record and its files, apart from IndexedDB (copy-files.ts says
// where and why). Its layout is plain enough to read by hand:
//
//   head.json                         {seq, head, indexedDbSeq, at}: the last record the copy holds
//   entries/<seq, 12 digits>-<hash>.json   {seq, entry, requestKey}: one sealed record, written once
//   files/<capture id>.<n>            the bytes of the record's n-th file (files[n] says path, SHA-256, type)
//
// Names carry the seq and hash, so comparing the copy with IndexedDB needs a directory listing, not
// a read per record. Files are named by capture and position, so they can be written before the
// record is sealed (in parallel with the IndexedDB transaction) and removed exactly by a deletion.

export interface CopyHead {
  seq: number;
  head: string | null;
  /** How far IndexedDB also held the chain when this head was written; less than `seq` after copy-only writes. */
  indexedDbSeq: number;
  at: string;
}

export interface CopyRecord {
  seq: number;
  entry: ChainEntry;
  /** The idempotency key the capture was requested under, so a rebuilt IndexedDB still knows it. */
  requestKey: string | null;
}

export interface CopyEntryName {
  seq: number;
  hash: string;
}

export type CopyHeadState = CopyHead | 'absent' | 'damaged';

export interface EvidenceCopy {
  readHead(): Promise<CopyHeadState>;
  writeHead(head: CopyHead): Promise<void>;
  writeFile(captureId: string, index: number, blob: Blob): Promise<void>;
  /** The n-th file of a record, or null when the copy has none. */
  readFile(captureId: string, index: number): Promise<Blob | null>;
  removeFiles(captureId: string, count: number): Promise<void>;
  hasEntry(seq: number, hash: string): Promise<boolean>;
  writeEntry(record: CopyRecord): Promise<void>;
  /** The record, checked against its name and its own hash; null when absent or damaged. */
  readEntry(seq: number, hash: string): Promise<CopyRecord | null>;
  listEntries(): Promise<CopyEntryName[]>;
  /** Names in files/ (see copyFileName). */
  listFiles(): Promise<Set<string>>;
}

const HEAD = 'head.json';
const SEQ_DIGITS = 12;
const ENTRY_NAME = /^(\d{12})-([0-9a-f]{64})\.json$/;

export function entryFileName(seq: number, hash: string): string {
  return `${String(seq).padStart(SEQ_DIGITS, '0')}-${hash}.json`;
}

export function parseEntryFileName(name: string): CopyEntryName | null {
  const match = ENTRY_NAME.exec(name);
  return match ? { seq: Number(match[1]), hash: match[2]! } : null;
}

export function copyFileName(captureId: string, index: number): string {
  return `${captureId}.${index}`;
}

/** The copy in this origin's private file system, or null where the browser has none. */
export function openEvidenceCopy(): EvidenceCopy | null {
  const files = opfsCopyFiles();
  return files ? evidenceCopy(files) : null;
}

export function evidenceCopy(files: CopyFiles): EvidenceCopy {
  return {
    async readHead() {
      // A head that cannot be read is as good as a damaged one: the stores get compared in full.
      const blob = await files.read('', HEAD).catch(() => 'damaged' as const);
      if (blob === 'damaged') return blob;
      if (!blob) return 'absent';
      return parseHead(await blob.text().catch(() => '')) ?? 'damaged';
    },
    writeHead: (head) => files.write('', HEAD, JSON.stringify(head)),
    writeFile: (captureId, index, blob) => files.write('files', copyFileName(captureId, index), blob),
    readFile: (captureId, index) => files.read('files', copyFileName(captureId, index)),
    async removeFiles(captureId, count) {
      for (let index = 0; index < count; index++) await files.remove('files', copyFileName(captureId, index));
    },
    async hasEntry(seq, hash) {
      return (await files.read('entries', entryFileName(seq, hash))) !== null;
    },
    writeEntry: (record) => files.write('entries', entryFileName(record.seq, record.entry.hash), JSON.stringify(record)),
    async readEntry(seq, hash) {
      const blob = await files.read('entries', entryFileName(seq, hash)).catch(() => null);
      if (!blob) return null;
      const record = parseRecord(await blob.text().catch(() => ''));
      if (!record || record.seq !== seq || record.entry.hash !== hash) return null;
      return (await hashEntry(record.entry)) === hash ? record : null;
    },
    async listEntries() {
      return (await files.list('entries'))
        .map(parseEntryFileName)
        .filter((name): name is CopyEntryName => name !== null)
        .sort((a, b) => a.seq - b.seq);
    },
    async listFiles() {
      return new Set(await files.list('files'));
    },
  };
}

function parseHead(text: string): CopyHead | null {
  const value = parseJson(text);
  if (!isRecord(value)) return null;
  const { seq, head, indexedDbSeq, at } = value;
  if (!isCount(seq) || !isCount(indexedDbSeq) || indexedDbSeq > seq || typeof at !== 'string') return null;
  if (head === null) return seq === 0 ? { seq, head, indexedDbSeq, at } : null;
  return typeof head === 'string' && /^[0-9a-f]{64}$/.test(head) ? { seq, head, indexedDbSeq, at } : null;
}

function parseRecord(text: string): CopyRecord | null {
  const value = parseJson(text);
  if (!isRecord(value) || !isCount(value.seq) || !isRecord(value.entry)) return null;
  const entry = value.entry;
  if (typeof entry.id !== 'string' || typeof entry.hash !== 'string' || typeof entry.kind !== 'string' || !Array.isArray(entry.files)) return null;
  const requestKey = typeof value.requestKey === 'string' ? value.requestKey : null;
  return { seq: value.seq, entry: entry as unknown as ChainEntry, requestKey };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
