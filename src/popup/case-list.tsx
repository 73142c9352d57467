import type { CaseSummary } from '../cases/group-cases';
import type { SupportDeadline } from '../orders/support-deadline';
import { EMPTY_PROGRESS, type CaseProgress } from '../checklist/case-progress';
import { buildChecklist } from '../checklist/refund-checklist';
import { money } from '../checklist/money-label';
import { t } from '../shared/i18n';
import { shortTime } from './format-time';
import { VerdictChip } from './verdict-chip';

// Long histories are paged: the popup reads and shows PAGE_SIZE cases, and the next page only when
// asked (src/popup/use-cases.ts), so a long history costs neither memory nor time on opening.
export const PAGE_SIZE = 25;

export interface CaseListProps {
  cases: readonly CaseSummary[];
  progress: ReadonlyMap<string, CaseProgress>;
  /** Deadlines the worker keeps, by case id (may be empty). */
  deadlines?: ReadonlyMap<string, SupportDeadline>;
  supportDeadlineHours: number;
  now: number;
  /** Older cases exist beyond `cases` (how many is not known without reading them all). */
  more?: boolean;
  onMore?(): void;
  onOpen(caseId: string): void;
}

export function CaseList({ cases, progress, deadlines, supportDeadlineHours, now, more = false, onMore, onOpen }: CaseListProps) {
  return (
    <>
      <p class="list-count">{t(more ? 'casesCountAtLeast' : 'casesCount', String(cases.length))}</p>
      <ul class="cases" aria-label={t('casesHeading')}>
        {cases.map((summary) => (
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
      {more && (
        <button type="button" class="secondary more" onClick={() => onMore?.()}>
          {t('showMoreCasesPage', String(PAGE_SIZE))}
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
