import browser from 'webextension-polyfill';
import { detectPage } from '../detect/detect-page';
import { afterCapture, assignCase } from '../cases/attempt-case';
import type { PageSnapshot } from '../detect/page-snapshot';
import type { Verdict } from '../detect/verdict';
import { manualVerdict } from '../detect/manual-verdict';
import type { UnhashedEntry } from '../evidence/capture-entry';
import { isoWithOffset, localTimeZone } from '../evidence/iso-time';
import { pageTextBlob, pageTextFile } from '../evidence/page-text';
import type { SubmitSnapshotRequest, SubmitSnapshotResponse } from '../messages/message-map';
import type { Settings } from '../settings/settings';
import { redactField, redactText } from '../privacy/redact-text';
import { refundPromiseRequestKey, refundPromiseVerdict } from '../shop/refund-promise-record';
import { safeUrl } from '../shared/safe-url';
import { readStorageUse } from '../shared/storage-use';
import { LOW_SPACE_BYTES } from '../shared/store-health';
import { commitCapture, journalPending, queuedWritesDone, type CaptureDraft, type NewFile, type StoreMiss } from '../store/capture-store';
import type { EvidenceCopy } from '../store/evidence-copy';
import type { RepairReport } from '../store/store-repair';
import { abandonJournal, dropAbandonedJournals } from './abandoned-journal';
import type { EvidenceDb } from '../store/open-evidence-db';
import type { CaptureQueue } from './capture-queue';
import { captureEnvironment } from './capture-environment';
import { consumeManualGrant } from './manual-capture';
import { fullPageScreenshot } from './full-page-screenshot';
import { readTabFlow, writeTabFlow } from './tab-flow';
import { takeHtmlSnapshot } from './take-html-snapshot';
import { screenshotTab } from './take-screenshot';

export interface SubmitDeps {
  db: () => Promise<EvidenceDb>;
  /** The second copy beside IndexedDB (evidence-copy.ts), or null where the browser has none. */
  copy: EvidenceCopy | null;
  queue: CaptureQueue;
  settings: () => Promise<Settings>;
  reasonText: (code: string) => string;
  /** Tells the shopper at once (badge, banner) that evidence could not be written. */
  reportStoreFailure: (error: unknown) => Promise<unknown>;
  reportStoreOk: () => Promise<void>;
  /** One store holds the capture, the other could not take it: kept, but said. */
  reportStoreMiss: (miss: StoreMiss) => Promise<unknown>;
  /** The stores had to be repaired on the way: told to the shopper once. */
  announceRepair: (report: RepairReport) => Promise<void>;
  /** After a new capture is stored (backups of a new case). */
  backupAfterCapture?: (db: EvidenceDb, caseId: string, settings: Settings) => Promise<void>;
  /** Order tracking: re-decides with the order records, then links the capture to its order. */
  orders?: {
    refine: (verdict: Verdict, snapshot: PageSnapshot, site: string) => Promise<Verdict>;
    link: (entry: UnhashedEntry) => Promise<void>;
  };
  /** This shop: a new capture can change the tab's badge (an open case here). */
  shopBadge?: (tabId: number) => Promise<void>;
}

/**
 * A content script asks to keep its page. The worker re-decides with its own rules (a page cannot
 * talk it into a capture), takes the shot, and answers only after the capture is committed.
 */
export async function submitSnapshot(
  request: SubmitSnapshotRequest,
  sender: browser.Runtime.MessageSender,
  deps: SubmitDeps,
): Promise<SubmitSnapshotResponse> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return { ok: false, error: 'only a top-level page can submit' };
  const { snapshot } = request;
  const pageUrl = safeUrl(snapshot.url);
  if (!pageUrl || pageUrl.origin !== safeUrl(sender.url ?? '')?.origin) {
    return { ok: false, error: 'a page may only submit its own snapshot' };
  }
  const settings = await deps.settings();
  // A capture the shopper asked for carries a one-time grant from this worker (manual-capture.ts).
  const manual = request.manualGrant !== undefined && consumeManualGrant(request.manualGrant, tabId);
  if (!settings.autoCapture && !manual) return { ok: false, error: 'automatic capture is off' };
  // A refund promise is kept once per site and text, whichever page or tab shows it (src/shop).
  const promise = request.refundPromise === undefined ? null : refundPromiseVerdict(snapshot, request.refundPromise);
  if (request.refundPromise !== undefined && !promise) return { ok: false, error: 'no such refund promise on this page' };
  const detected = promise ?? detectPage(snapshot, { stallThresholdHours: settings.stallThresholdHours });
  const refined = deps.orders && !promise ? await deps.orders.refine(detected, snapshot, pageUrl.hostname) : detected;
  const verdict = manual ? manualVerdict(refined) : refined;
  if (verdict.kind === 'none') return { ok: false, error: 'nothing on this page to capture' };
  const key = promise ? await refundPromiseRequestKey(pageUrl.hostname, promise.message) : request.key;

  // With the second copy, a capture is kept even when IndexedDB cannot be opened or written.
  const db = await deps.db().catch((error: unknown) => {
    if (!deps.copy) throw error;
    return null;
  });
  const known = db ? await db.get('requests', key).catch(() => undefined) : undefined;
  if (known) {
    // Committed by a worker stopped before it answered: the copy may still be being completed
    // (store-self-check.ts queues that at start). The answer waits for it, as the first one would have.
    if (deps.copy) await queuedWritesDone();
    return { ok: true, captureId: known.captureId, duplicate: true, screenshotError: null };
  }

  const captureId = crypto.randomUUID();
  const capturedAt = isoWithOffset(new Date());
  const environment = await captureEnvironment(snapshot.viewport);
  // One case per purchase attempt: the tab's flow says which order this page belongs to.
  const flow = await readTabFlow(tabId, sender.tab?.openerTabId).catch(() => null);
  const caseFacts = { id: captureId, site: pageUrl.hostname, orderId: verdict.orderId, kind: verdict.kind, capturedAt };
  const assigned = assignCase(caseFacts, flow ?? { tab: crypto.randomUUID(), order: null, lastCase: null });
  const draft: CaptureDraft = {
      id: captureId,
      caseId: assigned.caseId,
      attempt: assigned.attempt,
      trigger: manual ? 'manual' : 'auto',
      // Card, 身份证 and phone numbers are masked before anything is stored (src/privacy).
      url: redactField(snapshot.url),
      site: pageUrl.hostname,
      title: redactField(snapshot.title),
      capturedAt,
      timeZone: localTimeZone(),
      kind: verdict.kind,
      responsibility: verdict.responsibility,
      reasonCode: verdict.reasonCode,
      reason: deps.reasonText(verdict.reasonCode),
      message: redactField(verdict.message),
      orderId: verdict.orderId,
      amount: verdict.amount,
      currency: verdict.currency,
      status: verdict.status,
      createdAt: verdict.createdAt,
      relatedOrderIds: verdict.relatedOrderIds,
      screenshotError: null,
      environment,
  };
  const pageText = redactText(pageTextFile(snapshot)).text;
  // On a nearly full disk a write ends in an I/O error deep in the browser's IndexedDB backend,
  // which is the one place stored evidence could come to harm. Refuse before writing instead.
  const room = await readStorageUse();
  if (room?.freeBytes != null && room.freeBytes < LOW_SPACE_BYTES) {
    return storeFailed(new DOMException(`only ${room.freeBytes} bytes of free space left`, 'QuotaExceededError'), deps);
  }
  // Journal first: if the worker dies during the screenshot, its next start commits this
  // text-only under the same key (recover-pending.ts) instead of losing it.
  try {
    if (db) await journalPending(db, { key: key, startedAt: capturedAt, draft, pageText });
  } catch (error) {
    // Without a journal a worker stopped mid-capture loses this one; the copy still takes the rest.
    if (!deps.copy) return storeFailed(error, deps);
  }

  const shot = settings.fullPageCapture
    ? await fullPageScreenshot(deps.queue, tabId, request.docToken)
    : await screenshotTab(deps.queue, tabId, request.docToken);
  const files: NewFile[] = [{ name: 'page.txt', blob: pageTextBlob(pageText), role: 'text' }];
  if ('png' in shot) files.unshift({ name: 'screenshot.png', blob: shot.png, role: 'screenshot' });
  const html = await takeHtmlSnapshot(tabId, request.docToken);
  if ('file' in html) files.push(html.file);
  const screenshotError = 'png' in shot ? null : shot.error;
  let result;
  try {
    result = await commitCapture(db, { ...draft, screenshotError }, files, key, deps.copy);
  } catch (error) {
    const reopened = await deps.db().catch(() => db);
    if (reopened) await abandonJournal(reopened, key);
    return storeFailed(error, deps);
  }
  if (db) await dropAbandonedJournals(db);
  if (flow && !result.duplicate) await writeTabFlow(tabId, afterCapture(flow, caseFacts, assigned.caseId)).catch(() => undefined);
  if (result.repaired) void deps.announceRepair(result.repaired).catch(() => undefined);
  if (result.failed) await deps.reportStoreMiss(result.failed).catch(() => undefined);
  else void deps.reportStoreOk().catch(() => undefined);
  if (deps.orders && !result.duplicate) await deps.orders.link({ ...draft, screenshotError, files: [], prevHash: null }).catch(() => undefined);
  // Not awaited: the page's answer (and the next capture) must not wait for the badge.
  if (deps.shopBadge && !result.duplicate) void deps.shopBadge(tabId).catch(() => undefined);
  if (deps.backupAfterCapture && db && !result.duplicate) await deps.backupAfterCapture(db, draft.caseId, settings).catch(() => undefined);
  return { ok: true, captureId: result.captureId, duplicate: result.duplicate, screenshotError, ...(result.failed ? { failedStore: result.failed } : {}) };
}

/** Nothing was written (one transaction); the shopper is told now, the page gets the reason. */
async function storeFailed(error: unknown, deps: SubmitDeps): Promise<SubmitSnapshotResponse> {
  await deps.reportStoreFailure(error).catch(() => undefined);
  return { ok: false, error: `store_failed: ${error instanceof Error ? error.message : String(error)}`, retry: true };
}
