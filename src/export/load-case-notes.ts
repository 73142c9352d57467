import { groupCases } from '../cases/group-cases';
import { EMPTY_PROGRESS } from '../checklist/case-progress';
import type { CaptureEntry } from '../evidence/capture-entry';
import { loadAllProgress } from '../popup/case-progress-store';
import { loadSettings } from '../settings/settings';
import type { CaseNotes } from './case-notes';
import { checklistNotes } from './case-notes-from-checklist';

/** The shopper's checklist state per case, read from where the popup keeps it, for the report. */
export async function loadCaseNotes(captures: readonly CaptureEntry[]): Promise<Map<string, CaseNotes>> {
  const [progress, settings] = await Promise.all([loadAllProgress(), loadSettings()]);
  const now = Date.now();
  return new Map(
    groupCases(captures).map((summary) => [
      summary.caseId,
      { checklist: checklistNotes(summary, progress.get(summary.caseId) ?? EMPTY_PROGRESS, settings.supportDeadlineHours, now) },
    ]),
  );
}
