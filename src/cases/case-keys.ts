import type { CaptureEntry } from '../evidence/capture-entry';
import { ATTEMPT_WINDOW_MS } from './attempt-case';

// Which case each capture belongs to, read from sealed facts only. Captures made since cases follow
// purchase attempts carry `attempt` and their sealed `caseId` is already the attempt's case
// (attempt-case.ts). Older records without an order id were sealed with one case per site and day
// (`<site>#day:<date>`), which mixed unrelated failures; those are split here, at read time, so
// their sealed records stay untouched and verifiable:
//   - a terms page joins the site's terms case;
//   - a capture continues the previous case of the same day record when it shows the same verdict
//     (same reason) within ATTEMPT_WINDOW_MS of that case's last capture — a retry of one attempt;
//   - anything else starts a case of its own.
// The first case of a day record keeps the day id, so what the shopper noted on it stays with it,
// and so does a file the shopper attached to the day record (it names that id).

const LEGACY_DAY = /#day:\d{4}-\d{2}-\d{2}$/;

export function isLegacyDayCase(entry: CaptureEntry): boolean {
  return entry.attempt === undefined && entry.kind !== 'attachment' && LEGACY_DAY.test(entry.caseId);
}

/** Capture id → case id, for captures in any order. */
export function caseKeys(entries: readonly CaptureEntry[]): Map<string, string> {
  const keys = new Map<string, string>();
  const legacy: CaptureEntry[] = [];
  for (const entry of entries) {
    if (isLegacyDayCase(entry)) legacy.push(entry);
    else keys.set(entry.id, entry.caseId);
  }
  legacy.sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt));
  // Per day record: the cases split from it so far, latest last.
  const open = new Map<string, Array<{ key: string; reasonCode: string; lastAt: number }>>();
  for (const entry of legacy) {
    if (entry.kind === 'terms') {
      keys.set(entry.id, `${entry.site}#terms`);
      continue;
    }
    const at = Date.parse(entry.capturedAt);
    const split = open.get(entry.caseId) ?? [];
    open.set(entry.caseId, split);
    const last = split.at(-1);
    if (last && last.reasonCode === entry.reasonCode && at - last.lastAt <= ATTEMPT_WINDOW_MS) {
      last.lastAt = at;
      keys.set(entry.id, last.key);
      continue;
    }
    const key = split.length === 0 ? entry.caseId : `${entry.caseId}/${entry.id}`;
    split.push({ key, reasonCode: entry.reasonCode, lastAt: at });
    keys.set(entry.id, key);
  }
  return keys;
}
