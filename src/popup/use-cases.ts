import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { groupCases, type CaseSummary } from '../cases/group-cases';
import type { CaseProgress } from '../checklist/case-progress';
import type { SupportDeadline } from '../orders/support-deadline';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '../settings/settings';
import { readCasePage } from '../store/case-pages';
import type { EvidenceDb } from '../store/open-evidence-db';
import { PAGE_SIZE } from './case-list';
import { loadAllProgress } from './case-progress-store';
import { supportDeadlinesByCase } from './support-deadlines';

export interface CasesState {
  cases: CaseSummary[] | null;
  progress: Map<string, CaseProgress>;
  deadlines: Map<string, SupportDeadline>;
  settings: Settings;
  error: string | null;
  /** Older cases exist beyond `cases`. */
  more: boolean;
  /** Read the next page of older cases and append it. */
  showMore(): void;
  /** Re-read the store, e.g. after a component added or deleted evidence. */
  reload(): void;
}

/**
 * The newest cases, a page at a time (see src/store/case-pages.ts): the popup's first render reads
 * one page's records, not the whole history. A reload re-reads as many cases as are shown.
 */
export function useCases(db: EvidenceDb | null): CasesState {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [nextFromSeq, setNextFromSeq] = useState<number | null>(null);
  const shownCount = useRef(PAGE_SIZE);
  // A second click while a page is on its way would append the same cases twice.
  const loadingMore = useRef(false);
  const [progress, setProgress] = useState<Map<string, CaseProgress>>(new Map());
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [deadlines, setDeadlines] = useState<Map<string, SupportDeadline>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    Promise.all([readCasePage(db, { limit: shownCount.current }), loadAllProgress(), loadSettings(), supportDeadlinesByCase(db)])
      .then(([page, stored, current, recorded]) => {
        if (cancelled) return;
        setCases(groupCases(page.entries));
        setNextFromSeq(page.nextFromSeq);
        setProgress(stored);
        setSettings(current);
        setDeadlines(recorded);
      })
      .catch((failure: unknown) => !cancelled && setError(String(failure)));
    return () => {
      cancelled = true;
    };
  }, [db, generation]);

  const showMore = useCallback(() => {
    if (!db || !cases || nextFromSeq === null || loadingMore.current) return;
    loadingMore.current = true;
    const loaded = new Set(cases.map((item) => item.caseId));
    readCasePage(db, { limit: PAGE_SIZE, fromSeq: nextFromSeq, loaded })
      .then((page) => {
        const next = [...cases, ...groupCases(page.entries)];
        shownCount.current = next.length;
        setCases(next);
        setNextFromSeq(page.nextFromSeq);
      })
      .catch((failure: unknown) => setError(String(failure)))
      .finally(() => {
        loadingMore.current = false;
      });
  }, [db, cases, nextFromSeq]);

  return { cases, progress, deadlines, settings, error, more: nextFromSeq !== null, showMore, reload };
}
