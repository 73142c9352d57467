import { useCallback, useEffect, useState } from 'preact/hooks';
import { groupCases, type CaseSummary } from '../cases/group-cases';
import type { CaseProgress } from '../checklist/case-progress';
import type { SupportDeadline } from '../orders/support-deadline';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '../settings/settings';
import { liveCaptureEntries } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { loadAllProgress } from './case-progress-store';
import { supportDeadlinesByCase } from './support-deadlines';

export interface CasesState {
  cases: CaseSummary[] | null;
  progress: Map<string, CaseProgress>;
  deadlines: Map<string, SupportDeadline>;
  settings: Settings;
  error: string | null;
  /** Re-read the store, e.g. after a component added or deleted evidence. */
  reload(): void;
}

/** Capture records are small (files stay in their own store), so all of them are read at once. */
export function useCases(db: EvidenceDb | null): CasesState {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [progress, setProgress] = useState<Map<string, CaseProgress>>(new Map());
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [deadlines, setDeadlines] = useState<Map<string, SupportDeadline>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    Promise.all([liveCaptureEntries(db), loadAllProgress(), loadSettings(), supportDeadlinesByCase(db)])
      .then(([entries, stored, current, recorded]) => {
        if (cancelled) return;
        setCases(groupCases(entries));
        setProgress(stored);
        setSettings(current);
        setDeadlines(recorded);
      })
      .catch((failure: unknown) => !cancelled && setError(String(failure)));
    return () => {
      cancelled = true;
    };
  }, [db, generation]);

  return { cases, progress, deadlines, settings, error, reload };
}
