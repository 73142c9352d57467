import type { CaseSummary } from '../cases/group-cases';
import { sendToWorker } from '../messages/send-message';
import { forgetProgress } from '../popup/case-progress-store';

// Deleting a case deletes each of its captures through the worker ('evidence:delete'), the single
// writer of the chain: each deletion is itself recorded in the chain, so an export shows it.

export interface DeleteCasesResult {
  deleted: number;
  failed: Array<{ captureId: string; error: string }>;
}

export async function deleteCases(cases: readonly CaseSummary[], reason: string): Promise<DeleteCasesResult> {
  const result: DeleteCasesResult = { deleted: 0, failed: [] };
  const emptied: string[] = [];
  for (const summary of cases) {
    let all = true;
    for (const capture of summary.captures) {
      const reply = await sendToWorker('evidence:delete', { captureId: capture.id, reason: reason.slice(0, 500) }).catch(
        (error: unknown) => ({ ok: false as const, error: String(error) }),
      );
      if (reply?.ok) result.deleted++;
      else {
        all = false;
        result.failed.push({ captureId: capture.id, error: reply?.error ?? 'no reply' });
      }
    }
    if (all) emptied.push(summary.caseId);
  }
  // The checklist notes of a case go with its last capture.
  if (emptied.length > 0) await forgetProgress(emptied);
  return result;
}
