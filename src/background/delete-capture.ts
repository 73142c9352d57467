import browser from 'webextension-polyfill';
import { isoWithOffset, localTimeZone } from '../evidence/iso-time';
import type { DeleteCaptureRequest, DeleteCaptureResponse } from '../messages/message-map';
import { deleteCapture } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';

/** Runs only for extension pages (message-router.ts); the popup asked the shopper to confirm. */
export async function handleDeleteCapture(
  request: DeleteCaptureRequest,
  db: EvidenceDb,
  reportStoreFailure: (error: unknown) => Promise<unknown>,
): Promise<DeleteCaptureResponse> {
  try {
    return await deleteCapture(db, request.captureId, {
      id: crypto.randomUUID(),
      deletedAt: isoWithOffset(new Date()),
      timeZone: localTimeZone(),
      reasonCode: 'user_request',
      reason: request.reason.trim(),
      extensionVersion: browser.runtime.getManifest().version,
    });
  } catch (error) {
    await reportStoreFailure(error).catch(() => undefined);
    throw error;
  }
}
