import browser from 'webextension-polyfill';
import { isoWithOffset, localTimeZone } from '../evidence/iso-time';
import type { DeleteCaptureRequest, DeleteCaptureResponse } from '../messages/message-map';
import { deleteCapture, type StoreMiss } from '../store/capture-store';
import type { EvidenceCopy } from '../store/evidence-copy';
import type { RepairReport } from '../store/store-repair';
import type { EvidenceDb } from '../store/open-evidence-db';

export interface DeleteDeps {
  copy: EvidenceCopy | null;
  reportStoreFailure: (error: unknown) => Promise<unknown>;
  reportStoreMiss: (miss: StoreMiss) => Promise<unknown>;
  announceRepair: (report: RepairReport) => Promise<void>;
}

/** Runs only for extension pages (message-router.ts); the popup asked the shopper to confirm. */
export async function handleDeleteCapture(request: DeleteCaptureRequest, db: EvidenceDb, deps: DeleteDeps): Promise<DeleteCaptureResponse> {
  let result;
  try {
    result = await deleteCapture(db, request.captureId, {
      id: crypto.randomUUID(),
      deletedAt: isoWithOffset(new Date()),
      timeZone: localTimeZone(),
      reasonCode: 'user_request',
      reason: request.reason.trim(),
      extensionVersion: browser.runtime.getManifest().version,
    }, deps.copy);
  } catch (error) {
    await deps.reportStoreFailure(error).catch(() => undefined);
    throw error;
  }
  if (!result.ok) return result;
  if (result.repaired) void deps.announceRepair(result.repaired).catch(() => undefined);
  if (result.failed) await deps.reportStoreMiss(result.failed).catch(() => undefined);
  return { ok: true, deletionId: result.deletionId, ...(result.failed ? { failedStore: result.failed } : {}) };
}
