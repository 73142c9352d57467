import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { filterCases, type CaseQuery, type VerdictFilter } from '../cases/filter-cases';
import { groupCases, type CaseSummary } from '../cases/group-cases';
import { money } from '../checklist/money-label';
import { shortTime } from '../popup/format-time';
import { VerdictChip } from '../popup/verdict-chip';
import { t } from '../shared/i18n';
import { liveCaptureEntries } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';
import { deleteCases } from './delete-cases';

// Long histories: search and filter every case, page through them, delete with confirmation.
export const MANAGER_PAGE = 50;
const VERDICTS: VerdictFilter[] = ['all', 'platform', 'user', 'third_party', 'none'];

export function CaseManager({ db }: { db: EvidenceDb }) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [query, setQuery] = useState<CaseQuery>({ text: '', verdict: 'all' });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void liveCaptureEntries(db).then((entries) => setCases(groupCases(entries)));
  }, [db, generation]);
  const filtered = useMemo(() => (cases ? filterCases(cases, query) : []), [cases, query]);
  if (!cases) return <p class="status">{t('loading')}</p>;

  const pages = Math.max(1, Math.ceil(filtered.length / MANAGER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = filtered.slice(current * MANAGER_PAGE, (current + 1) * MANAGER_PAGE);
  const chosen = cases.filter((item) => selected.has(item.caseId));
  const toggle = (caseId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(caseId);
    else next.delete(caseId);
    setSelected(next);
  };
  const search = (change: Partial<CaseQuery>) => {
    setQuery({ ...query, ...change });
    setPage(0);
  };
  const remove = async (reason: string) => {
    setConfirming(false);
    const result = await deleteCases(chosen, reason);
    setSelected(new Set());
    setGeneration(generation + 1);
    setStatus(
      result.failed.length === 0
        ? { text: t('casesDeleted', String(result.deleted)), error: false }
        : { text: t('casesDeleteFailed', [String(result.failed.length), result.failed[0]!.error]), error: true },
    );
  };

  return (
    <section class="case-manager" aria-labelledby="manager-heading">
      <h2 id="manager-heading">{t('allCasesHeading')}</h2>
      <div class="row filters" role="search">
        <label>
          {t('searchCases')}
          <input type="search" value={query.text} onInput={(event) => search({ text: event.currentTarget.value })} />
        </label>
        <label>
          {t('filterVerdict')}
          <select
            value={query.verdict}
            onChange={(event) => search({ verdict: VERDICTS.find((value) => value === event.currentTarget.value) ?? 'all' })}
          >
            {VERDICTS.map((value) => (
              <option key={value} value={value}>
                {t(`verdictFilter_${value}`)}
              </option>
            ))}
          </select>
        </label>
        <span class="status" aria-live="polite">
          {t('casesShown', [String(filtered.length), String(cases.length)])}
        </span>
      </div>

      <table>
        <caption class="visually-hidden">{t('allCasesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('selectColumn')}</th>
            <th scope="col">{t('siteColumn')}</th>
            <th scope="col">{t('orderLabel')}</th>
            <th scope="col">{t('amountLabel')}</th>
            <th scope="col">{t('verdictHeading')}</th>
            <th scope="col">{t('lastSeenColumn')}</th>
            <th scope="col">{t('capturesColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => (
            <tr key={item.caseId}>
              <td>
                {/* The label is the tap target on a phone (options.css). */}
                <label class="pick">
                  <input
                    type="checkbox"
                    aria-label={t('selectCase', [item.site, item.orderId ?? shortTime(item.lastAt)])}
                    checked={selected.has(item.caseId)}
                    onChange={(event) => toggle(item.caseId, event.currentTarget.checked)}
                  />
                </label>
              </td>
              {/* data-label: the column's name, shown beside the value when the table becomes cards on a phone. */}
              <td data-label={t('siteColumn')}>{item.site}</td>
              <td data-label={t('orderLabel')}>{item.orderId ?? '—'}</td>
              <td data-label={t('amountLabel')}>{item.amount === null ? '—' : money(item.amount, item.currency)}</td>
              <td data-label={t('verdictHeading')}>
                <VerdictChip responsibility={item.responsibility} title={item.reason} />
              </td>
              <td data-label={t('lastSeenColumn')}>
                <time dateTime={item.lastAt}>{shortTime(item.lastAt)}</time>
              </td>
              <td data-label={t('capturesColumn')}>{item.captures.length}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <nav class="row" aria-label={t('pagesLabel')}>
        <button type="button" class="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
          {t('previousPage')}
        </button>
        <span>{t('pageOf', [String(current + 1), String(pages)])}</span>
        <button type="button" class="secondary" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          {t('nextPage')}
        </button>
        <button type="button" class="danger" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
          {t('deleteSelected', String(chosen.length))}
        </button>
      </nav>
      {confirming && (
        <ConfirmDelete
          cases={chosen.length}
          captures={chosen.reduce((sum, item) => sum + item.captures.length, 0)}
          onConfirm={(reason) => void remove(reason)}
          onCancel={() => setConfirming(false)}
        />
      )}
      {status && (
        <p role="status" class={status.error ? 'status error' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}

function ConfirmDelete({ cases, captures, onConfirm, onCancel }: { cases: number; captures: number; onConfirm(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <h3 id="confirm-title">{t('deleteConfirmTitle')}</h3>
      <p id="confirm-body">{t('deleteConfirmBody', [String(cases), String(captures)])}</p>
      <label>
        {t('deleteReason')}
        <input type="text" maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="button" class="secondary" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="button" class="danger" onClick={() => onConfirm(reason)}>
          {t('deleteConfirm')}
        </button>
      </div>
    </div>
  );
}
