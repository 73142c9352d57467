import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { BACKUP_STATE_KEY, NO_DOWNLOADS_API, NO_DOWNLOADS_PERMISSION, parseBackupState, type BackupState } from '../backup/backup-plan';
import { t } from '../shared/i18n';
import { shortTime } from './format-time';

/** Why a backup was not written, in the shopper's words. */
export function backupErrorText(message: string): string {
  if (message === NO_DOWNLOADS_PERMISSION) return t('backupPermissionDenied');
  if (message === NO_DOWNLOADS_API) return t('backupNoDownloadsApi');
  return t('backupFailed', message);
}

/** One line: when the last backup bundle went into the Downloads folder (or that none has). Reusable on the options page. */
export function BackupLine() {
  const [state, setState] = useState<BackupState | null>(null);
  useEffect(() => {
    const read = () => void browser.storage.local.get(BACKUP_STATE_KEY).then((stored) => setState(parseBackupState(stored[BACKUP_STATE_KEY])));
    read();
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && BACKUP_STATE_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!state) return null;
  return (
    <p class="storage-use backup-line" data-last-backup={state.lastAt ?? ''}>
      {state.lastAt ? t('backupLast', shortTime(state.lastAt)) : t('backupNever')}
      {state.lastError && (
        <span class="error">
          {` · ${backupErrorText(state.lastError.message)}`}
        </span>
      )}
    </p>
  );
}
