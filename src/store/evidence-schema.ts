import type { DBSchema } from 'idb';
import type { CaptureEntry, FileRole } from '../evidence/capture-entry';

export const DB_NAME = 'paywitness-evidence';

export interface StoredCapture {
  /** Position in the chain, 1-based; the popup lists by it, newest first. */
  seq: number;
  entry: CaptureEntry;
}

export interface StoredFile {
  path: string;
  captureId: string;
  blob: Blob;
  sha256: string;
  bytes: number;
  type: string;
  role: FileRole;
}

export interface ChainState {
  id: 'chain';
  head: string | null;
  seq: number;
}

export interface RequestRecord {
  key: string;
  captureId: string;
  at: string;
}

export interface EvidenceSchema extends DBSchema {
  captures: { key: string; value: StoredCapture; indexes: { seq: number } };
  files: { key: string; value: StoredFile; indexes: { captureId: string } };
  meta: { key: 'chain'; value: ChainState };
  requests: { key: string; value: RequestRecord };
}
