import { attachmentDraft, MAX_ATTACHMENT_BYTES, safeFileName } from '../evidence/attachment-entry';
import type { CaptureEntry } from '../evidence/capture-entry';
import { browserFromUserAgent } from '../evidence/browser-identity';
import { isoWithOffset, localTimeZone } from '../evidence/iso-time';
import { redactField } from '../privacy/redact-text';
import { t } from '../shared/i18n';
import { announceRepair } from '../shared/announce-repair';
import { commitCapture, type StoreMiss } from '../store/capture-store';
import { openEvidenceCopy } from '../store/evidence-copy';
import type { EvidenceDb } from '../store/open-evidence-db';
import browser from 'webextension-polyfill';

export class AttachmentTooLargeError extends Error {}

/**
 * Seals one file into the chain as an attachment of the case `caseCapture` belongs to, in both
 * evidence stores; `failed` names the one that could not take it (the other holds it).
 */
export async function addAttachment(db: EvidenceDb, caseCapture: CaptureEntry, file: File): Promise<{ captureId: string; failed: StoreMiss | null }> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new AttachmentTooLargeError(t('attachmentTooLarge', [file.name, String(MAX_ATTACHMENT_BYTES / 1024 / 1024)]));
  }
  // The file's own name may hold a phone or card number; it is masked like page text.
  const shownName = redactField(file.name).slice(0, 200);
  const fileName = safeFileName(shownName);
  const draft = attachmentDraft(caseCapture, {
    id: crypto.randomUUID(),
    fileName: shownName,
    capturedAt: isoWithOffset(new Date()),
    timeZone: localTimeZone(),
    reason: t('reason_attachment'),
    environment: {
      extensionVersion: browser.runtime.getManifest().version,
      userAgent: navigator.userAgent,
      viewport: null,
      browser: browserFromUserAgent(navigator.userAgent),
    },
  });
  const blob = new Blob([file], { type: file.type || 'application/octet-stream' });
  const result = await commitCapture(db, draft, [{ name: `attachments/${fileName}`, blob, role: 'attachment' }], null, openEvidenceCopy());
  if (result.repaired) await announceRepair(result.repaired).catch(() => undefined);
  return { captureId: result.captureId, failed: result.failed };
}
