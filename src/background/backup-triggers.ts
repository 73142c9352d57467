import browser from 'webextension-polyfill';
import { NEW_CASE_DELAY_MINUTES } from '../backup/backup-plan';
import type { Settings } from '../settings/settings';
import type { EvidenceDb } from '../store/open-evidence-db';
import { runBackup, type BackupDeps } from './backup-runner';
import { senderKind, type OwnIdentity, type SenderFacts } from './sender-check';

// What starts a backup: an hourly check while backups are on (daily, or a new case whose backup
// could not be written yet), a minute after a capture opened a new case, and the options page's
// button. Listeners are added by the entry at the top level.

export const BACKUP_CHECK_ALARM = 'backup:check';
export const BACKUP_SOON_ALARM = 'backup:soon';
const CHECK_EVERY_MINUTES = 60;

export function listenForBackups(deps: BackupDeps, own: OwnIdentity): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_CHECK_ALARM) void runBackup('scheduled', deps);
    if (alarm.name === BACKUP_SOON_ALARM) void runBackup('new_case', deps);
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void deps.settings().then(ensureBackupAlarm);
  });
  browser.runtime.onInstalled.addListener(() => void deps.settings().then(ensureBackupAlarm));
  browser.runtime.onStartup.addListener(() => void deps.settings().then(ensureBackupAlarm));
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if ((message as { type?: unknown } | null)?.type !== 'backup:now') return undefined;
    // Only the extension's own pages may write the evidence out of the browser.
    if (senderKind(sender as SenderFacts, own) !== 'extension-page') return Promise.resolve({ ok: false, error: 'backup:now is not answered here' });
    return runBackup('manual', deps);
  });
}

export async function ensureBackupAlarm(settings: Settings): Promise<void> {
  if (settings.backupSchedule === 'off') {
    await browser.alarms.clear(BACKUP_CHECK_ALARM);
    return;
  }
  if (!(await browser.alarms.get(BACKUP_CHECK_ALARM))) {
    await browser.alarms.create(BACKUP_CHECK_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES, delayInMinutes: CHECK_EVERY_MINUTES });
  }
}

/** After a capture: the first one of its case schedules a backup shortly (re-arming it, so a burst makes one). */
export async function backupAfterCapture(db: EvidenceDb, caseId: string, settings: Settings): Promise<void> {
  if (settings.backupSchedule !== 'after_new_case') return;
  if ((await db.countFromIndex('captures', 'caseId', caseId)) !== 1) return;
  await browser.alarms.create(BACKUP_SOON_ALARM, { delayInMinutes: NEW_CASE_DELAY_MINUTES });
}
