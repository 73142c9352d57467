// Whether the evidence store could take the last write. The worker records it (storage.local
// 'storeHealth' + the action badge) the moment a write fails; the popup shows it as a banner.
// Kept outside IndexedDB on purpose: it must be writable when IndexedDB is full.

export const STORE_HEALTH_KEY = 'storeHealth';

/**
 * `copy_failed`: the capture is in IndexedDB but the second copy could not take it;
 * `indexeddb_failed`: only the second copy holds it (it goes back into IndexedDB at the next start).
 */
export type StoreFailureCode = 'quota_exceeded' | 'write_failed' | 'copy_failed' | 'indexeddb_failed';

const CODES: readonly StoreFailureCode[] = ['quota_exceeded', 'write_failed', 'copy_failed', 'indexeddb_failed'];

export type StoreHealth = { ok: true; at: string } | { ok: false; code: StoreFailureCode; detail: string; at: string };

/** Below this much free room a failed write is taken to be a full disk. */
export const LOW_SPACE_BYTES = 16 * 1024 * 1024;

/**
 * Quota errors are told apart from other failures so the shopper knows to free space. A full disk
 * often surfaces as a plain I/O error ("Failed to write blobs (IOError)"), so the room left on the
 * device, when known, decides too.
 */
export function classifyStoreFailure(error: unknown, at: string, freeBytes: number | null = null): StoreHealth {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = (error instanceof Error || error instanceof DOMException ? error.message : String(error)).slice(0, 300);
  const quota = name === 'QuotaExceededError' || /quota|disk is full|no space/i.test(detail) || (freeBytes !== null && freeBytes < LOW_SPACE_BYTES);
  return { ok: false, code: quota ? 'quota_exceeded' : 'write_failed', detail, at };
}

export function parseStoreHealth(value: unknown): StoreHealth | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.at !== 'string') return null;
  if (record.ok === true) return { ok: true, at: record.at };
  const code = CODES.find((known) => known === record.code);
  if (record.ok === false && code) return { ok: false, code, detail: typeof record.detail === 'string' ? record.detail : '', at: record.at };
  return null;
}
