import { pageTextBlob } from '../evidence/page-text';
import { commitCapture, pendingCaptures } from '../store/capture-store';
import type { EvidenceCopy } from '../store/evidence-copy';
import type { EvidenceDb } from '../store/open-evidence-db';

// A journal record left over at worker start means the worker that wrote it died between the
// journal and the commit (usually during the screenshot). The page is gone from the worker's
// view, so the honest completion is the text it had, with the reason; the same idempotency key
// makes a retried request from the page find this capture instead of making a second one.

export const WORKER_RESTARTED = 'worker_restarted';

export async function recoverPendingCaptures(db: EvidenceDb, copy: EvidenceCopy | null = null): Promise<number> {
  let recovered = 0;
  for (const pending of await pendingCaptures(db)) {
    const result = await commitCapture(
      db,
      { ...pending.draft, screenshotError: WORKER_RESTARTED },
      [{ name: 'page.txt', blob: pageTextBlob(pending.pageText), role: 'text' }],
      pending.key,
      copy,
    );
    if (!result.duplicate) recovered++;
  }
  return recovered;
}
