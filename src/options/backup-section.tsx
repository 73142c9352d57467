import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToWorker } from '../messages/send-message';
import { BackupLine, backupErrorText } from '../popup/backup-line';
import { BACKUP_SCHEDULES, DEFAULT_SETTINGS, loadSettings, saveSettings, type BackupSchedule } from '../settings/settings';
import { t } from '../shared/i18n';
import { openEvidenceCopy } from '../store/evidence-copy';
import { importBundle } from '../store/import-bundle';
import type { EvidenceDb } from '../store/open-evidence-db';

// Backups into the Downloads folder and restoring from one. Turning backups on (or backing up by
// hand) asks for the `downloads` permission inside the click, as browsers require; refused, the
// setting stays off. A restore reads the bundle here, in the page (see store/import-bundle.ts).

type Status = { text: string; error: boolean } | null;

async function downloadsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.request({ permissions: ['downloads'] });
  } catch {
    return false;
  }
}

export function BackupSection({ db }: { db: EvidenceDb | null }) {
  const [schedule, setSchedule] = useState<BackupSchedule | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadSettings().then((settings) => setSchedule(settings.backupSchedule));
  }, []);

  const choose = async (value: BackupSchedule) => {
    const allowed = value === 'off' || (await downloadsAllowed());
    const saved = await saveSettings({ backupSchedule: allowed ? value : 'off' });
    setSchedule(saved.backupSchedule);
    setStatus(allowed ? null : { text: t('backupPermissionDenied'), error: true });
  };
  const backUpNow = async () => {
    const allowed = downloadsAllowed();
    setBusy(true);
    setStatus({ text: t('backupRunning'), error: false });
    try {
      if (!(await allowed)) throw new Error(t('backupPermissionDenied'));
      const reply = await sendToWorker('backup:now', {});
      setStatus(reply.ok ? { text: t('backupDone', reply.file), error: false } : { text: backupErrorText(reply.error), error: true });
    } catch (error) {
      setStatus({ text: t('backupFailed', error instanceof Error ? error.message : String(error)), error: true });
    } finally {
      setBusy(false);
    }
  };
  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    const copy = openEvidenceCopy();
    if (!file || !db) return;
    setBusy(true);
    setStatus({ text: t('restoreRunning', file.name), error: false });
    try {
      if (!copy) throw new Error('no origin private file system');
      const outcome = await importBundle(db, copy, new Uint8Array(await file.arrayBuffer()));
      if (!outcome.ok) setStatus({ text: t('restoreRefused', outcome.detail), error: true });
      else if (outcome.appended + outcome.rechained + outcome.files === 0) setStatus({ text: t('restoreNothing'), error: false });
      else setStatus({ text: t('restoreDone', [String(outcome.appended + outcome.rechained), String(outcome.files), String(outcome.rechained)]), error: false });
    } catch (error) {
      setStatus({ text: t('restoreRefused', error instanceof Error ? error.message : String(error)), error: true });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="backups" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      {schedule && (
        <label class="field">
          <span>{t('setting_backupSchedule')}</span>
          <select value={schedule} disabled={busy} onChange={(event) => void choose(event.currentTarget.value as BackupSchedule)}>
            {BACKUP_SCHEDULES.map((value) => (
              <option key={value} value={value}>
                {t(`backup_${value}`)}
              </option>
            ))}
          </select>
          <small>{t('settingDefault', t(`backup_${DEFAULT_SETTINGS.backupSchedule}`))}</small>
          <small>{t('settingBackupHelp')}</small>
        </label>
      )}
      <BackupLine />
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          {t('backupNow')}
        </button>
        <button type="button" class="secondary" disabled={busy || !db} onClick={() => picker.current?.click()}>
          {t('restoreFromBackup')}
        </button>
        <input ref={picker} type="file" accept=".zip,application/zip" hidden aria-label={t('restoreFromBackup')} onChange={(event) => void restore(event.currentTarget)} />
      </div>
      {status && (
        <p role="status" class={status.error ? 'status error' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
