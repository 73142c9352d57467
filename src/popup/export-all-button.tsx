import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { caseKeys } from '../cases/case-keys';
import { exportBundle } from '../export/export-all';
import { loadSettings, saveSettings } from '../settings/settings';
import { t } from '../shared/i18n';
import { liveCaptureEntries } from '../store/capture-store';
import type { EvidenceDb } from '../store/open-evidence-db';

// Export: every capture or one case, optionally redacted (no page text), with progress; and the
// way to the page that checks a bundle someone else exported.

export function ExportAllButton({ db }: { db: EvidenceDb }) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [caseId, setCaseId] = useState('');
  const [redacted, setRedacted] = useState(false);
  const [timestampUrl, setTimestampUrl] = useState('');
  useEffect(() => {
    void loadSettings().then((settings) => setTimestampUrl(settings.timestampUrl));
  }, []);
  // The case list needs every record of the chain: read only when the shopper opens the options,
  // not on every popup open (that read grew with the history and delayed the first render).
  const [listRead, setListRead] = useState(false);
  const readCaseIds = () => {
    if (listRead) return;
    setListRead(true);
    void liveCaptureEntries(db).then((entries) => setCaseIds([...new Set(caseKeys(entries).values())]));
  };
  const run = async () => {
    // Asked for here, inside the click, as browsers require: access to the one TSA host, only when used.
    const allowed = timestampUrl ? browser.permissions.request({ origins: [`${new URL(timestampUrl).origin}/*`] }) : Promise.resolve(true);
    setBusy(true);
    try {
      if (!(await allowed)) throw new Error(t('timestampDenied'));
      const { fileName } = await exportBundle(db, { caseId: caseId || null, redacted, timestampUrl: timestampUrl || null }, (done, total) =>
        setStatus({ text: t('exporting', [String(done), String(total)]), error: false }),
      );
      setStatus({ text: t('exportDone', fileName), error: false });
    } catch (error) {
      setStatus({ text: t('exportFailed', String(error)), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {caseId ? t('exportCase') : t('exportAll')}
      </button>
      <details class="export-options" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && readCaseIds()}>
        <summary>{t('exportOptions')}</summary>
        <label>
          {t('exportWhich')}{' '}
          <select value={caseId} onChange={(event) => setCaseId((event.target as HTMLSelectElement).value)} aria-label={t('exportWhich')}>
            <option value="">{t('exportEveryCase')}</option>
            {caseIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={redacted} onChange={(event) => setRedacted((event.target as HTMLInputElement).checked)} />{' '}
          {t('exportRedacted')}
        </label>
        <label>
          {t('timestampUrl')}{' '}
          <input
            type="url"
            value={timestampUrl}
            placeholder="https://…"
            aria-label={t('timestampUrl')}
            onChange={(event) => {
              const value = (event.target as HTMLInputElement).value.trim();
              void saveSettings({ timestampUrl: value }).then((saved) => setTimestampUrl(saved.timestampUrl));
            }}
          />
        </label>
        <a href={browser.runtime.getURL('src/verify-page/index.html')} target="_blank" rel="noopener">
          {t('openVerifyPage')}
        </a>
      </details>
      {status && (
        <span class={`status${status.error ? ' error' : ''}`} role="status">
          {status.text}
        </span>
      )}
    </>
  );
}
