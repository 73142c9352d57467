import type { CaptureEntry } from '../evidence/capture-entry';
import { isLive } from './capture-store';
import type { EvidenceDb } from './open-evidence-db';

// The popup opens on the newest cases. Reading every capture record first made its first render
// grow with the whole history (3 s at 10,000 captures), so a page of cases is found by walking the
// chain newest-first only until enough distinct cases have shown up, and just those cases'
// records are then read through the caseId index.

export interface CasePage {
  /** The live captures of the page's cases, in chain order (ready for groupCases). */
  entries: CaptureEntry[];
  /** Where the next page starts (pass it as `fromSeq`), or null when no older case is left. */
  nextFromSeq: number | null;
}

export interface CasePageRequest {
  /** How many cases at most. */
  limit: number;
  /** Walk from this seq (inclusive) down; absent = from the newest record. */
  fromSeq?: number;
  /** Cases already shown: their older records are passed over, not counted again. */
  loaded?: ReadonlySet<string>;
}

/**
 * Up to `limit` cases, ordered by their newest capture in force: deletion records, and captures
 * they removed, neither start nor extend a case (a case whose every capture was deleted is gone),
 * exactly as groupCases over liveCaptures sees it.
 */
export async function readCasePage(db: EvidenceDb, request: CasePageRequest): Promise<CasePage> {
  const loaded = request.loaded ?? new Set<string>();
  const tx = db.transaction('captures');
  const range = request.fromSeq === undefined ? null : IDBKeyRange.upperBound(request.fromSeq);
  const found = new Set<string>();
  let nextFromSeq: number | null = null;
  let cursor = await tx.store.index('seq').openCursor(range, 'prev');
  while (cursor) {
    const stored = cursor.value;
    const caseId = stored.entry.caseId;
    if (isLive(stored) && !loaded.has(caseId) && !found.has(caseId)) {
      if (found.size === request.limit) {
        // The first case of the next page: it starts here.
        nextFromSeq = stored.seq;
        break;
      }
      found.add(caseId);
    }
    cursor = await cursor.continue();
  }
  const index = tx.store.index('caseId');
  const perCase = await Promise.all([...found].map((caseId) => index.getAll(caseId)));
  const entries = perCase
    .flat()
    .filter(isLive)
    .sort((a, b) => a.seq - b.seq)
    .map((stored) => stored.entry);
  return { entries, nextFromSeq };
}

/** The terms records in force that were kept on one site (any case), in chain order. */
export async function siteTermsEntries(db: EvidenceDb, site: string): Promise<CaptureEntry[]> {
  return (await siteEntries(db, site)).filter((entry) => entry.kind === 'terms');
}

/** Every record in force that was kept on one site (any case), in chain order. */
export async function siteEntries(db: EvidenceDb, site: string): Promise<CaptureEntry[]> {
  const records = await db.getAllFromIndex('captures', 'site', site);
  return records
    .filter(isLive)
    .sort((a, b) => a.seq - b.seq)
    .map((stored) => stored.entry);
}
