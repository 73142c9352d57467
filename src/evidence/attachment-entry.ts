import type { CaptureEntry, CaptureEnvironment, UnhashedEntry } from '../evidence/capture-entry';

// A file the shopper adds to a case (the bank's SMS, a payment receipt, a support chat) is kept as
// its own entry in the capture chain: kind `attachment`, the case's id and order, and the file as
// `captures/<entry id>/attachments/<safe name>` with role `attachment`. Hashed and sealed exactly like
// a capture, so an export carries it and verify checks it with no new rules.

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type AttachmentDraft = Omit<UnhashedEntry, 'files' | 'prevHash'>;

export interface AttachmentInput {
  id: string;
  /** The name the file had on the shopper's device (after masking numbers in it). */
  fileName: string;
  capturedAt: string;
  timeZone: string;
  reason: string;
  environment: CaptureEnvironment;
}

export function attachmentDraft(caseCapture: CaptureEntry, input: AttachmentInput): AttachmentDraft {
  return {
    id: input.id,
    caseId: caseCapture.caseId,
    trigger: 'manual',
    url: caseCapture.url,
    site: caseCapture.site,
    title: input.fileName,
    capturedAt: input.capturedAt,
    timeZone: input.timeZone,
    kind: 'attachment',
    responsibility: null,
    reasonCode: 'attachment',
    reason: input.reason,
    message: input.fileName,
    orderId: caseCapture.orderId,
    amount: null,
    currency: null,
    status: null,
    createdAt: null,
    relatedOrderIds: [],
    screenshotError: 'not_a_page_capture',
    environment: input.environment,
  };
}

/** A file name safe as one zip path segment on every OS: no folders, no `..`, no reserved characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i, '_$1$2');
  if (!cleaned) return 'attachment';
  if (cleaned.length <= 100) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 100 - extension.length) + extension;
}
