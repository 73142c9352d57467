import { dropPending } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';

// A capture whose commit failed was answered "not stored"; its journal record must go too, or the
// next worker start would store it under the wrong reason (worker_restarted). On a full disk even
// that delete can fail, so the key is remembered and dropped after the next successful write.
// (If the worker dies first, the record is recovered text-only: kept, not lost.)

const leftToDrop = new Set<string>();

export async function abandonJournal(db: EvidenceDb, key: string): Promise<void> {
  try {
    await dropPending(db, key);
  } catch {
    leftToDrop.add(key);
  }
}

export async function dropAbandonedJournals(db: EvidenceDb): Promise<void> {
  for (const key of [...leftToDrop]) {
    try {
      await dropPending(db, key);
      leftToDrop.delete(key);
    } catch {
      return;
    }
  }
}
