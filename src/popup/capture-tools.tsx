import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CaseSummary } from '../cases/group-cases';
import { sendToWorker } from '../messages/send-message';
import { t } from '../shared/i18n';
import type { EvidenceDb } from '../store/open-evidence-db';
import { addAttachment, AttachmentTooLargeError } from './add-attachment';
import { findPageTab, withPageInFront } from './page-tab';

// Manual capture of the current tab, and adding a file to a case. Small on purpose: the popup's
// case views may later move the attachment input into each case.

type Status = { text: string; error: boolean } | null;

/** `loaded`: the cases the popup has read (newest first); a file can be attached to any of them. */
export function CaptureTools({ db, loaded, onChange }: { db: EvidenceDb; loaded: readonly CaseSummary[]; onChange: () => void }) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [caseId, setCaseId] = useState('');
  // What an attachment is filed under: the case (its id, shop site and order), with the latest
  // capture's page address. A case may hold gateway pages without the order number.
  const cases = useMemo(
    () => loaded.map((summary) => ({ ...summary.captures.at(-1)!, caseId: summary.caseId, site: summary.site, orderId: summary.orderId })),
    [loaded],
  );

  useEffect(() => {
    setCaseId((current) => (cases.some((entry) => entry.caseId === current) ? current : (cases[0]?.caseId ?? '')));
  }, [cases]);

  const changed = onChange;

  const savePage = async () => {
    setBusy(true);
    try {
      // On a phone the popup may be a tab itself: the shopper's page is then brought to the front for the shot.
      const target = await findPageTab();
      const reply = target ? await withPageInFront(target, () => sendToWorker('capture:manual', { tabId: target.tabId })) : { ok: false as const, error: 'no tab' };
      setStatus(reply?.ok ? { text: t('manualCaptureDone'), error: false } : { text: t('manualCaptureFailed', reply?.error ?? '?'), error: true });
      if (reply?.ok) changed();
    } finally {
      setBusy(false);
    }
  };

  const attach = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    const target = cases.find((entry) => entry.caseId === caseId);
    if (!file || !target) return;
    setBusy(true);
    try {
      const { failed } = await addAttachment(db, target, file);
      setStatus(failed ? { text: t(`attachmentOnlyOnce_${failed.store}`, [file.name, failed.error]), error: true } : { text: t('attachmentAdded', file.name), error: false });
      changed();
    } catch (error) {
      const text = error instanceof AttachmentTooLargeError ? error.message : t('attachmentFailed', String(error));
      setStatus({ text, error: true });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="capture-tools">
      <button type="button" onClick={() => void savePage()} disabled={busy}>
        {t('popupSaveCurrentPage')}
      </button>
      {cases.length > 0 && (
        <span class="attach">
          <select aria-label={t('attachmentCase')} value={caseId} onChange={(event) => setCaseId(event.currentTarget.value)}>
            {cases.map((entry) => (
              <option key={entry.caseId} value={entry.caseId}>
                {entry.orderId ? `${entry.site} · ${entry.orderId}` : `${entry.site} · ${entry.capturedAt.slice(0, 10)}`}
              </option>
            ))}
          </select>
          <label class="secondary">
            {t('addAttachment')}
            <input type="file" disabled={busy} onChange={(event) => void attach(event.currentTarget)} />
          </label>
        </span>
      )}
      {status && (
        <span class={`status${status.error ? ' error' : ''}`} role="status">
          {status.text}
        </span>
      )}
    </section>
  );
}
