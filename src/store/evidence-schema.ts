import type { DBSchema } from 'idb';
import type { ChainEntry } from '../evidence/deletion-entry';
import type { OrderRecord } from '../orders/order-record';
import type { SupportDeadline } from '../orders/support-deadline';
import type { CaptureDraft, FileRole } from '../evidence/capture-entry';

export const DB_NAME = 'paywitness-evidence';

export interface StoredCapture {
  /** Position in the chain, 1-based; the popup lists by it, newest first. */
  seq: number;
  entry: ChainEntry;
  /** Store-side mark (outside the sealed entry): the id of the deletion entry that removed its files. */
  deletedBy?: string;
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

/**
 * Journal of a capture in flight, written before the screenshot and deleted in the commit
 * transaction. One left over when a worker starts means the worker died mid-capture.
 */
export interface PendingCapture {
  /** The request's idempotency key: the recovered capture keeps it, so a retry never duplicates. */
  key: string;
  startedAt: string;
  draft: CaptureDraft;
  pageText: string;
}

export interface EvidenceSchema extends DBSchema {
  captures: { key: string; value: StoredCapture; indexes: { seq: number; caseId: string; site: string } };
  files: { key: string; value: StoredFile; indexes: { captureId: string } };
  meta: { key: 'chain'; value: ChainState };
  requests: { key: string; value: RequestRecord };
  pending: { key: string; value: PendingCapture };
  orders: { key: [string, string]; value: OrderRecord; indexes: { site: string } };
  supportDeadlines: { key: string; value: SupportDeadline };
}
