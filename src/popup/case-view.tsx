import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CaseSummary } from '../cases/group-cases';
import type { CaptureEntry } from '../evidence/capture-entry';
import type { CaseProgress } from '../checklist/case-progress';
import type { SupportDeadline } from '../orders/support-deadline';
import { buildChecklist } from '../checklist/refund-checklist';
import { factsOfCase } from '../export/case-facts';
import { shopperAnswers } from '../export/case-notes-from-checklist';
import { readPage } from '../export/page-reading';
import { money } from '../checklist/money-label';
import { t } from '../shared/i18n';
import type { EvidenceDb } from '../store/open-evidence-db';
import { findUnfairClauses } from '../terms/unfair-clauses';
import { trustSignals } from '../terms/trust-signals';
import { saveProgress } from './case-progress-store';
import { reportSupportContacted } from './support-deadlines';
import { CaptureTimeline } from './capture-timeline';
import { ChecklistView } from './checklist-view';
import { isRefundPromiseRecord } from '../shop/refund-promise-record';
import { RefundPromisesCard } from './refund-promises-card';
import { ShopTrustView, UnfairClausesView } from './shop-trust-view';
import { shortTime } from './format-time';
import { usePageTexts } from './use-page-texts';
import { VerdictChip } from './verdict-chip';

export interface CaseViewProps {
  db: EvidenceDb;
  summary: CaseSummary;
  /** Terms pages captured on the same site (they form their own day cases). */
  siteTerms: readonly CaptureEntry[];
  progress: CaseProgress;
  recordedDeadline: SupportDeadline | null;
  supportDeadlineHours: number;
  onProgress(next: CaseProgress): void;
  onBack(): void;
  /** Evidence changed (a capture deleted, a file attached): re-read the store. */
  onEvidenceChanged(): void;
}

export function CaseView(props: CaseViewProps) {
  const { db, summary, siteTerms, progress, recordedDeadline, supportDeadlineHours, onProgress, onBack, onEvidenceChanged } = props;
  const captures = useMemo(() => dedupe([...summary.captures, ...siteTerms]), [summary, siteTerms]);
  const texts = usePageTexts(db, captures);
  const caseTexts = summary.captures.map((entry) => texts.get(entry.id) ?? '');
  // A kept refund promise is a terms record of a product or checkout page, not the shop's terms.
  const termsTexts = captures.filter((entry) => entry.kind === 'terms' && !isRefundPromiseRecord(entry)).map((entry) => texts.get(entry.id) ?? '');
  const checklist = buildChecklist({ summary, progress, pageTexts: caseTexts, now: Date.now(), supportDeadlineHours, recordedDeadline });
  // The case as the bundle's drafts see it, with what its pages and the site's terms said.
  const facts = useMemo(() => {
    const readings = new Map(captures.map((entry) => [entry.id, readPage(entry, texts.get(entry.id) ?? '')]));
    return factsOfCase(captures, summary.captures[0]!.id, shopperAnswers(progress), readings);
  }, [captures, texts, progress]);
  const signals = trustSignals([...texts.values()], termsTexts.length > 0);
  const clauses = termsTexts.flatMap((text) => findUnfairClauses(text));
  const [saveError, setSaveError] = useState<string | null>(null);
  const heading = useHeadingFocus();

  const change = (next: CaseProgress) => {
    onProgress(next);
    const contacted = Boolean(next.steps.contact_support);
    const deadlineChanged = contacted !== Boolean(progress.steps.contact_support);
    saveProgress(summary.caseId, next)
      .then(() => (deadlineChanged ? reportSupportContacted(summary.caseId, contacted).then(onEvidenceChanged) : undefined))
      .then(
        () => setSaveError(null),
        (error: unknown) => setSaveError(String(error)),
      );
  };
  const reason = reasonText(summary.reasonCode, summary.reason);
  return (
    <article class="case-view" aria-labelledby="case-title">
      <button type="button" class="secondary back" onClick={onBack}>
        {t('backToCases')}
      </button>
      <h2 id="case-title" tabIndex={-1} ref={heading}>
        {summary.site}
      </h2>
      {(summary.orderId || summary.amount !== null) && (
        <p class="meta">
          {summary.orderId && <span>{`${t('orderLabel')} ${summary.orderId}`}</span>}
          {summary.amount !== null && <span class="amount">{money(summary.amount, summary.currency)}</span>}
        </p>
      )}
      {/* Case actions (attachments, delete, watch this order …): one line per component, e.g. <X db={db} summary={summary} /> */}

      <section class="card verdict" aria-labelledby="verdict-heading">
        <h3 id="verdict-heading">
          {t('verdictHeading')} <VerdictChip responsibility={summary.responsibility} />
        </h3>
        <p>{reason}</p>
        {summary.message && <p class="message">{t('messageSeen', summary.message)}</p>}
        {summary.disagreeing.length > 0 && (
          <div class="note disagree">
            <p>{t('capturesDisagree')}</p>
            <ul>
              {summary.disagreeing.map((entry) => (
                <li key={entry.id}>
                  {shortTime(entry.capturedAt)} · <VerdictChip responsibility={entry.responsibility} /> · {reasonText(entry.reasonCode, entry.reason)}
                </li>
              ))}
            </ul>
            <p class="how">{t('verdictRule')}</p>
          </div>
        )}
      </section>

      {facts && (
        <ChecklistView facts={facts} checklist={checklist} progress={progress} supportDeadlineHours={supportDeadlineHours} onChange={change} />
      )}
      {saveError && (
        <p class="status error" role="alert">
          {t('saveFailed', saveError)}
        </p>
      )}

      <section class="card" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">{t('timelineHeading')}</h3>
        <CaptureTimeline db={db} captures={summary.captures} onChanged={onEvidenceChanged} />
      </section>

      <RefundPromisesCard captures={captures} />
      <ShopTrustView signals={signals} />
      <UnfairClausesView clauses={clauses} />
    </article>
  );
}

/** A reason code this version has no words for (added later by detection) shows the sealed reason. */
function reasonText(code: string, sealed: string): string {
  const known = t(`reason_${code}`);
  return known === `reason_${code}` ? sealed : known;
}

function dedupe(captures: CaptureEntry[]): CaptureEntry[] {
  const seen = new Set<string>();
  return captures.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}

/** Moving into a case puts focus on its title, so keyboard and screen-reader users follow. */
function useHeadingFocus() {
  const [node, setNode] = useState<HTMLHeadingElement | null>(null);
  useEffect(() => node?.focus(), [node]);
  return setNode;
}
