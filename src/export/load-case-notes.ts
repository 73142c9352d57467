import { groupCases } from '../cases/group-cases';
import { EMPTY_PROGRESS } from '../checklist/case-progress';
import type { CaptureEntry } from '../evidence/capture-entry';
import { loadAllProgress } from '../popup/case-progress-store';
import { loadSettings } from '../settings/settings';
import type { CaseNotes } from './case-notes';
import { caseNotesFromProgress } from './case-notes-from-checklist';

/** What the shopper noted per case (checklist, answers), read from where the popup keeps it, for the report and drafts. */
export async function loadCaseNotes(captures: readonly CaptureEntry[]): Promise<Map<string, CaseNotes>> {
  const [progress, settings] = await Promise.all([loadAllProgress(), loadSettings()]);
  const now = Date.now();
  return new Map(
    groupCases(captures).map((summary) => {
      const kept = progress.get(summary.caseId) ?? EMPTY_PROGRESS;
      return [summary.caseId, caseNotesFromProgress(summary, kept, settings.supportDeadlineHours, now)];
    }),
  );
}
