import { useState } from 'preact/hooks';
import { exportAll } from '../export/export-all';
import { t } from '../shared/i18n';
import type { EvidenceDb } from '../store/open-evidence-db';

export function ExportAllButton({ db }: { db: EvidenceDb }) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { fileName } = await exportAll(db, (done, total) => setStatus({ text: t('exporting', [String(done), String(total)]), error: false }));
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
        {t('exportAll')}
      </button>
      {status && (
        <span class={`status${status.error ? ' error' : ''}`} role="status">
          {status.text}
        </span>
      )}
    </>
  );
}
