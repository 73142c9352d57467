import type { SupportDeadline } from '../orders/support-deadline';
import type { EvidenceDb } from './open-evidence-db';

// Support deadlines, one per case; starting again after an answer replaces the old one.

export async function saveSupportDeadline(db: EvidenceDb, deadline: SupportDeadline): Promise<void> {
  await db.put('supportDeadlines', deadline);
}

export function getSupportDeadline(db: EvidenceDb, caseId: string): Promise<SupportDeadline | undefined> {
  return db.get('supportDeadlines', caseId);
}

export function listSupportDeadlines(db: EvidenceDb): Promise<SupportDeadline[]> {
  return db.getAll('supportDeadlines');
}

export async function updateSupportDeadline(
  db: EvidenceDb,
  caseId: string,
  change: Partial<Pick<SupportDeadline, 'resolvedAt' | 'overdueNotifiedAt'>>,
): Promise<SupportDeadline | null> {
  const tx = db.transaction('supportDeadlines', 'readwrite');
  const current = await tx.store.get(caseId);
  const next = current ? { ...current, ...change } : null;
  if (next) await tx.store.put(next);
  await tx.done;
  return next;
}
