import { useState } from 'preact/hooks';
import type { CaseSummary } from '../cases/group-cases';
import type { SupportDeadline } from '../orders/support-deadline';
import { EMPTY_PROGRESS, type CaseProgress } from '../checklist/case-progress';
import { buildChecklist } from '../checklist/refund-checklist';
import { money } from '../checklist/support-message';
import { t } from '../shared/i18n';
import { shortTime } from './format-time';
import { VerdictChip } from './verdict-chip';

// Long histories are paged: only `page * PAGE_SIZE` rows exist in the DOM, so a thousand cases
// cost a thousand small objects in memory and a few dozen elements on screen.
export const PAGE_SIZE = 25;

export interface CaseListProps {
  cases: readonly CaseSummary[];
  progress: ReadonlyMap<string, CaseProgress>;
  /** Deadlines the worker keeps, by case id (may be empty). */
  deadlines?: ReadonlyMap<string, SupportDeadline>;
  supportDeadlineHours: number;
  now: number;
  onOpen(caseId: string): void;
}

export function CaseList({ cases, progress, deadlines, supportDeadlineHours, now, onOpen }: CaseListProps) {
  const [pages, setPages] = useState(1);
  const shown = cases.slice(0, pages * PAGE_SIZE);
  return (
    <>
      <p class="list-count">{t('casesCount', String(cases.length))}</p>
      <ul class="cases" aria-label={t('casesHeading')}>
        {shown.map((summary) => (
          <CaseListRow
            key={summary.caseId}
            summary={summary}
            progress={progress.get(summary.caseId) ?? EMPTY_PROGRESS}
            recorded={deadlines?.get(summary.caseId) ?? null}
            supportDeadlineHours={supportDeadlineHours}
            now={now}
            onOpen={onOpen}
          />
        ))}
      </ul>
      {shown.length < cases.length && (
        <button type="button" class="secondary more" onClick={() => setPages(pages + 1)}>
          {t('showMoreCases', [String(Math.min(PAGE_SIZE, cases.length - shown.length)), String(cases.length - shown.length)])}
        </button>
      )}
    </>
  );
}

function CaseListRow({
  summary,
  progress,
  recorded,
  supportDeadlineHours,
  now,
  onOpen,
}: { summary: CaseSummary; progress: CaseProgress; recorded: SupportDeadline | null } & Omit<CaseListProps, 'cases' | 'progress' | 'deadlines'>) {
  const checklist = buildChecklist({ summary, progress, pageTexts: [], now, supportDeadlineHours, recordedDeadline: recorded });
  const { done, total } = checklist.completeness;
  const deadline = checklist.supportDeadline;
  return (
    <li>
      <button type="button" class="case-row" onClick={() => onOpen(summary.caseId)}>
        <span class="meta">
          <span class="site">{summary.site}</span>
          {summary.amount !== null && <span class="amount">{money(summary.amount, summary.currency)}</span>}
          <VerdictChip responsibility={summary.responsibility} />
        </span>
        <span class="message">{summary.kind === 'terms' ? t('kind_terms') : summary.message || t(`kind_${summary.kind}`)}</span>
        <span class="meta small">
          <time dateTime={summary.lastAt}>{shortTime(summary.lastAt)}</time>
          {total > 0 && <span class={done === total ? 'complete' : 'incomplete'}>{t('evidenceCompleteness', [String(done), String(total)])}</span>}
          {deadline && (
            <span class={deadline.overdue ? 'deadline overdue' : 'deadline'}>
              {t(deadline.overdue ? 'deadlinePassed' : 'deadlineRunning', shortTime(deadline.at))}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}
