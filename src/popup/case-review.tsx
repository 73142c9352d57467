import { useMemo, useState } from 'preact/hooks';
import { EMPTY_PROGRESS, type CaseProgress } from '../checklist/case-progress';
import { t } from '../shared/i18n';
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
  const siteTerms = useMemo(
    () => (open && cases ? cases.flatMap((item) => item.captures).filter((entry) => entry.kind === 'terms' && entry.site === open.site) : []),
    [open, cases],
  );

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
      onOpen={setOpenId}
    />
  );
}
