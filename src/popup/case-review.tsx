import { useEffect, useMemo, useState } from 'preact/hooks';
import { EMPTY_PROGRESS, type CaseProgress } from '../checklist/case-progress';
import type { CaptureEntry } from '../evidence/capture-entry';
import { t } from '../shared/i18n';
import { siteTermsEntries } from '../store/case-pages';
import type { EvidenceDb } from '../store/open-evidence-db';
import { CaseList } from './case-list';
import { CaseView } from './case-view';
import type { CasesState } from './use-cases';

/** The popup's body: the list of cases, or one case opened from it. */
export function CaseReview({ db, state }: { db: EvidenceDb; state: CasesState }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [edits, setEdits] = useState<Map<string, CaseProgress>>(new Map());
  const { cases, settings } = state;
  const progressOf = (caseId: string) => edits.get(caseId) ?? state.progress.get(caseId) ?? EMPTY_PROGRESS;
  const merged = useMemo(() => new Map([...state.progress, ...edits]), [state.progress, edits]);
  const open = cases?.find((item) => item.caseId === openId) ?? null;
  // The site's terms records may sit in cases not loaded yet (only a page of cases is), so they are
  // read by site when a case opens.
  const [siteTerms, setSiteTerms] = useState<CaptureEntry[]>([]);
  const openSite = open?.site ?? null;
  useEffect(() => {
    setSiteTerms([]);
    if (openSite === null) return;
    let cancelled = false;
    void siteTermsEntries(db, openSite).then((entries) => !cancelled && setSiteTerms(entries));
    return () => {
      cancelled = true;
    };
  }, [db, openSite, cases]);

  if (!cases) return <p class="status">{t('loading')}</p>;
  if (cases.length === 0) return <p class="status">{t('noCaptures')}</p>;
  if (open) {
    return (
      <CaseView
        db={db}
        summary={open}
        siteTerms={siteTerms}
        progress={progressOf(open.caseId)}
        recordedDeadline={state.deadlines.get(open.caseId) ?? null}
        supportDeadlineHours={settings.supportDeadlineHours}
        onProgress={(next) => setEdits(new Map(edits).set(open.caseId, next))}
        onBack={() => setOpenId(null)}
        onEvidenceChanged={state.reload}
      />
    );
  }
  return (
    <CaseList
      cases={cases}
      progress={merged}
      deadlines={state.deadlines}
      supportDeadlineHours={settings.supportDeadlineHours}
      now={Date.now()}
      more={state.more}
      onMore={state.showMore}
      onOpen={setOpenId}
    />
  );
}
