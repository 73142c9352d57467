import { sendToWorker } from '../messages/send-message';
import type { SupportDeadline } from '../orders/support-deadline';
import type { EvidenceDb } from '../store/open-evidence-db';
import { listSupportDeadlines } from '../store/support-deadline-store';

// The worker keeps each case's support deadline (and tells the shopper when it passes); the
// checklist's "contact support" step starts it, unchecking the step stops it.

export async function supportDeadlinesByCase(db: EvidenceDb): Promise<Map<string, SupportDeadline>> {
  return new Map((await listSupportDeadlines(db)).map((deadline) => [deadline.caseId, deadline]));
}

export async function reportSupportContacted(caseId: string, contacted: boolean): Promise<void> {
  const reply = await sendToWorker(contacted ? 'support:contacted' : 'support:resolved', { caseId });
  // Unchecking a step the worker never recorded is not an error worth showing.
  if (!reply?.ok && contacted) throw new Error(reply?.error ?? 'no reply');
}
