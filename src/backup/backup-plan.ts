import type { BackupSchedule } from '../settings/settings';

// When a backup bundle is due, what it is called, and which old ones go. Pure: the worker's
// backup-runner.ts does the browser part (building, downloading, removing).
//
// A backup is a whole-chain evidence bundle, the same format as 导出全部 / Export all, so
// `npx paywitness verify` checks it and the options page can restore from it. It is written only
// when the chain moved since the last one, into Downloads/PayWitness-backups/, and the newest
// KEEP_BACKUPS stay: each is the whole history, so older ones add nothing but disk use.

export const BACKUP_FOLDER = 'PayWitness-backups';
export const KEEP_BACKUPS = 3;
export const BACKUP_STATE_KEY = 'backupState';
/** A new case is backed up after this pause, so a burst of captures makes one bundle. */
export const NEW_CASE_DELAY_MINUTES = 1;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface KeptBackup {
  downloadId: number;
  file: string;
  at: string;
}

export interface BackupState {
  lastAt: string | null;
  /** Where the browser saved the last one (its full path, as the downloads API reports it). */
  lastFile: string | null;
  /** The chain head and record count it holds. */
  lastHead: string | null;
  lastRecords: number;
  lastError: { at: string; message: string } | null;
  kept: KeptBackup[];
}

/** The error a backup records when the shopper has not granted the `downloads` permission. */
export const NO_DOWNLOADS_PERMISSION = 'no_downloads_permission';
/** The error a backup records where the browser has no downloads API (Firefox for Android). */
export const NO_DOWNLOADS_API = 'no_downloads_api';

export const NO_BACKUP: BackupState = { lastAt: null, lastFile: null, lastHead: null, lastRecords: 0, lastError: null, kept: [] };

export type BackupReason = 'new_case' | 'scheduled' | 'manual';

/** Whether to write a bundle now. A manual one always; otherwise only when the chain moved since the last. */
export function backupDue(schedule: BackupSchedule, state: BackupState, head: string | null, reason: BackupReason, now: Date): boolean {
  if (reason === 'manual') return true;
  if (schedule === 'off' || head === null || head === state.lastHead) return false;
  if (reason === 'new_case') return schedule === 'after_new_case';
  // The hourly check: daily backs up once a day; after_new_case catches up here on a case whose
  // backup could not be written (a full disk, the browser closed within the minute).
  const last = state.lastAt ? Date.parse(state.lastAt) : 0;
  return schedule === 'after_new_case' || now.getTime() - last >= DAY_MS;
}

/** Downloads/PayWitness-backups/paywitness-backup-20261206-1430.zip (local time). */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${BACKUP_FOLDER}/paywitness-backup-${stamp}.zip`;
}

/** After a new backup: the state to keep, and the older bundles to remove from disk. */
export function afterBackup(state: BackupState, made: KeptBackup, head: string | null, records: number): { state: BackupState; remove: KeptBackup[] } {
  const kept = [made, ...state.kept.filter((old) => old.downloadId !== made.downloadId)];
  return {
    state: { lastAt: made.at, lastFile: made.file, lastHead: head, lastRecords: records, lastError: null, kept: kept.slice(0, KEEP_BACKUPS) },
    remove: kept.slice(KEEP_BACKUPS),
  };
}

export function parseBackupState(value: unknown): BackupState {
  if (typeof value !== 'object' || value === null) return NO_BACKUP;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null);
  const error = record.lastError as Record<string, unknown> | null | undefined;
  return {
    lastAt: text('lastAt'),
    lastFile: text('lastFile'),
    lastHead: text('lastHead'),
    lastRecords: typeof record.lastRecords === 'number' ? record.lastRecords : 0,
    lastError: error && typeof error.at === 'string' && typeof error.message === 'string' ? { at: error.at, message: error.message } : null,
    kept: Array.isArray(record.kept)
      ? record.kept.filter(
          (item): item is KeptBackup =>
            typeof item === 'object' && item !== null && typeof item.downloadId === 'number' && typeof item.file === 'string' && typeof item.at === 'string',
        )
      : [],
  };
}
